#!/bin/sh
# The same no-op read the action makes, done with the AWS CLI: one ListResourceRecordSets.
# Usage: bench-awscli.sh ZONE_ID NAME ENDPOINT_URL
aws route53 list-resource-record-sets --hosted-zone-id "$1" --start-record-name "$2" \
  --max-items 300 --endpoint-url "$3" --output json > /dev/null
