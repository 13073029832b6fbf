/**
 * The quorum: which address, if any, the echo providers' answers so far establish. This is the
 * core of detection's security model (docs/architecture.md). Pure: public.ts makes the requests
 * and asks again after every answer.
 */
import { providerKey } from '../model/provider-url.js'

/** An echo service's answer judged: the address it gave, or why it counts as failed. */
export type EchoParse = { ok: true; address: string } | { ok: false; reason: string }

/** What one provider answered: an address, or why it counts as failed. */
export type ProviderAnswer = { url: string } & EchoParse

/** The quorum's decision: an address, not yet (answers are still due), or none and why. */
export type QuorumDecision =
  | { state: 'accepted'; address: string }
  | { state: 'waiting' }
  | { state: 'failed'; reason: string }

const WAITING: QuorumDecision = { state: 'waiting' }

/**
 * Decide on the answers so far of the providers `asked`. A provider is an origin: URLs of one
 * origin are one voter, and a voter's repeated answer is one vote.
 * - A single provider: its usable answer is accepted (the caller warns that it is unconfirmed).
 * - While every usable answer names the same address, it is accepted as soon as two providers
 *   gave it, without waiting for the rest.
 * - Once answers differ, every provider's answer is awaited; then the leading address needs two
 *   votes and strictly more than any other, so a split fails instead of flapping.
 */
export function decideQuorum(
  asked: readonly string[],
  answers: readonly ProviderAnswer[]
): QuorumDecision {
  const voters = new Set(asked.map(providerKey))
  const answered = new Set(answers.map((a) => providerKey(a.url)))
  const pending = [...voters].some((v) => !answered.has(v))
  const [lead, second] = votesByAddress(answers)
  if (voters.size === 1) {
    if (lead) return { state: 'accepted', address: lead.address }
    return pending ? WAITING : failed(voters.size, answers)
  }
  if (lead && lead.voters >= 2 && !second) return { state: 'accepted', address: lead.address }
  if (pending) return WAITING
  if (lead && second && lead.voters >= 2 && lead.voters > second.voters) {
    return { state: 'accepted', address: lead.address }
  }
  return failed(voters.size, answers)
}

/** Why the answers so far establish no address, for `providers` distinct providers. */
export function noQuorumReason(providers: number, answers: readonly ProviderAnswer[]): string {
  if (providers === 1) return 'the only provider did not give a usable answer'
  const usable = new Set(answers.filter((a) => a.ok).map((a) => providerKey(a.url)))
  if (usable.size < 2) return `fewer than two of ${providers} providers gave a usable answer`
  return 'the providers did not agree'
}

function failed(providers: number, answers: readonly ProviderAnswer[]): QuorumDecision {
  return { state: 'failed', reason: noQuorumReason(providers, answers) }
}

/** Each address answered, with how many voters gave it, most votes first. */
function votesByAddress(answers: readonly ProviderAnswer[]): { address: string; voters: number }[] {
  const byAddress = new Map<string, Set<string>>()
  for (const a of answers) {
    if (!a.ok) continue
    const voters = byAddress.get(a.address) ?? new Set<string>()
    byAddress.set(a.address, voters.add(providerKey(a.url)))
  }
  return [...byAddress]
    .map(([address, voters]) => ({ address, voters: voters.size }))
    .sort((a, b) => b.voters - a.voters)
}
