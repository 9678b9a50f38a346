#!/bin/sh
# Picks the app this container runs.
set -e
case "${1:-portal}" in
  portal) exec node dist/apps/portal/src/main.js ;;
  backoffice) exec node dist/apps/backoffice/src/main.js ;;
  worker) exec node dist/apps/worker/src/main.js ;;
  migrate) exec node dist/scripts/migrate.js ;;
  *) exec "$@" ;;
esac
