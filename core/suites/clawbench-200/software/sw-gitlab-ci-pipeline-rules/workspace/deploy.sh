#!/bin/sh
# Usage: deploy.sh ENVIRONMENT IMAGE - roll the parcel-label deployment to IMAGE.
set -eu
env_name=$1
image=$2
kubectl --context "kestrel-$env_name" -n parcel-label set image deployment/parcel-label app="$image"
kubectl --context "kestrel-$env_name" -n parcel-label rollout status deployment/parcel-label --timeout=300s
