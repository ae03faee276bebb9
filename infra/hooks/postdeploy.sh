#!/bin/sh
# Subscribes the articles container's BlobCreated events to the Event Grid blob trigger. Runs after the deploy because
# the webhook needs the function app's blobs_extension system key, which exists only once the app has started.
set -eu

: "${AZURE_RESOURCE_GROUP:?}" "${AZURE_FUNCTION_APP_NAME:?}" "${AZURE_EVENTGRID_SYSTEM_TOPIC:?}" "${INGEST_ARTICLES_CONTAINER:?}"

key=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  key=$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  echo "Waiting for the blobs_extension key (attempt $attempt)…"
  sleep 15
done
[ -n "$key" ] || { echo "The function app has no blobs_extension key yet; run this hook again (azd hooks run postdeploy)." >&2; exit 1; }

host=$(az functionapp show -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query defaultHostName -o tsv)
endpoint="https://$host/runtime/webhooks/blobs?functionName=Host.Functions.ArticleBlobEventGridTrigger&code=$key"

az eventgrid system-topic event-subscription create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC" \
  --name ingest-articles \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/$INGEST_ARTICLES_CONTAINER/" \
  --event-delivery-schema EventGridSchema \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none
echo "Event Grid delivers $INGEST_ARTICLES_CONTAINER's new blobs to $AZURE_FUNCTION_APP_NAME."
