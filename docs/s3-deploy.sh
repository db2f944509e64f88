#!/usr/bin/env bash
# s3-deploy.sh publishes a built clause site to an S3 bucket served through
# CloudFront: every file with the right Content-Type and cache lifetime, and
# every redirect as a true 301 through x-amz-website-redirect-location
# metadata, read from the redirects.json clause writes.
#
# Usage:
#   BUCKET=my-bucket [PREFIX=policies] [DISTRIBUTION_ID=E1234567890] docs/s3-deploy.sh [SITE]
#
#   SITE             the built site (default: public), from clause build
#   BUCKET           the S3 bucket, with static website hosting turned on
#   PREFIX           the path of base_url without slashes ("policies" for
#                    https://example.com/policies/); empty for a site at the root
#   DISTRIBUTION_ID  the CloudFront distribution to invalidate, if any
#
# Needs the AWS CLI (credentials from the usual environment) and jq.
set -euo pipefail

site=${1:-public}
bucket=${BUCKET:?set BUCKET to the name of the S3 bucket}
prefix=${PREFIX:-}
prefix=${prefix#/}
prefix=${prefix%/}
dest="s3://${bucket}/${prefix:+$prefix/}"

for tool in aws jq; do
  command -v "$tool" >/dev/null || { echo "s3-deploy: $tool is required" >&2; exit 1; }
done
[ -f "$site/.clause-output" ] || { echo "s3-deploy: $site is not a clause build; run clause build first" >&2; exit 1; }

html_cache="public, max-age=300, must-revalidate"
asset_cache="public, max-age=86400"

# Redirects, read first: their objects are written by put-object below,
# so every sync leaves them alone.
redirects="$site/redirects.json"
keys=() targets=()
if [ -f "$redirects" ]; then
  jq -e 'type == "object"' "$redirects" >/dev/null || { echo "s3-deploy: $redirects is not a JSON object" >&2; exit 1; }
  while IFS=$'\t' read -r from to; do
    key=${from#/}
    key=$(printf '%b' "${key//%/\\x}") # redirects.json paths are percent-encoded; object keys and files are not
    [ -z "$prefix" ] || key=${key#"$prefix/"} # redirects.json paths carry the base path
    case $key in
      "" | */) keys+=("${key}index.html") targets+=("$to") ;;
      *.*) keys+=("$key") targets+=("$to") ;;
      *) keys+=("$key" "$key/index.html") targets+=("$to" "$to") ;;
    esac
  done < <(jq -r 'to_entries[] | [.key, .value] | @tsv' "$redirects")
else
  echo "s3-deploy: no redirects.json in $site (add json to redirects.formats in clause.yaml)" >&2
fi

# Files clause writes for other hosts, its output marker and the redirect
# objects are never synced.
private=(--exclude "_redirects" --exclude ".clause-output" --exclude "vercel.json" --exclude "redirects.nginx.conf")
for key in ${keys[@]+"${keys[@]}"}; do
  private+=(--exclude "$key")
done

# sync_type TYPE CACHE PATTERN... uploads the files matching the patterns
# with that Content-Type, and deletes those of that kind no longer built.
sync_type() {
  local type=$1 cache=$2
  shift 2
  local filters=(--exclude "*")
  for pattern in "$@"; do
    if [[ $pattern == !* ]]; then filters+=(--exclude "${pattern#!}"); else filters+=(--include "$pattern"); fi
  done
  aws s3 sync "$site" "$dest" --delete --no-progress "${filters[@]}" "${private[@]}" \
    --content-type "$type" --cache-control "$cache"
}

sync_type "text/html; charset=utf-8" "$html_cache" "*.html"
sync_type "text/css; charset=utf-8" "$asset_cache" "*.css"
sync_type "text/javascript; charset=utf-8" "$asset_cache" "*.js"
sync_type "application/json; charset=utf-8" "$html_cache" "*.json" "!vercel.json"
sync_type "application/atom+xml; charset=utf-8" "$html_cache" "*.xml" "!sitemap.xml"
sync_type "application/xml; charset=utf-8" "$html_cache" "sitemap.xml"
sync_type "text/plain; charset=utf-8" "$html_cache" "*.txt"
sync_type "image/svg+xml" "$asset_cache" "*.svg"

# Everything else (images and PDFs from content/): the CLI guesses the type.
aws s3 sync "$site" "$dest" --delete --no-progress "${private[@]}" \
  --exclude "*.html" --exclude "*.css" --exclude "*.js" --exclude "*.json" \
  --exclude "*.xml" --exclude "*.txt" --exclude "*.svg" --cache-control "$asset_cache"

# Each redirect is an object whose x-amz-website-redirect-location makes
# the S3 website endpoint answer 301. Its body is clause's HTML redirect
# page, so a visitor who reaches the object another way is still sent on.
empty=$(mktemp)
trap 'rm -f "$empty"' EXIT
for i in ${keys[@]+"${!keys[@]}"}; do
  body="$site/${keys[$i]}"
  [ -f "$body" ] || body=$empty
  aws s3api put-object --bucket "$bucket" --key "${prefix:+$prefix/}${keys[$i]}" --body "$body" \
    --website-redirect-location "${targets[$i]}" \
    --content-type "text/html; charset=utf-8" --cache-control "$html_cache" >/dev/null
done
echo "s3-deploy: ${#keys[@]} redirect objects"

if [ -n "${DISTRIBUTION_ID:-}" ]; then
  aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" \
    --paths "/${prefix:+$prefix/}*" >/dev/null
  echo "s3-deploy: invalidated /${prefix:+$prefix/}* on $DISTRIBUTION_ID"
fi
echo "s3-deploy: published $site to $dest"
