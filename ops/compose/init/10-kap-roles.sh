#!/bin/bash
# First start of the primary: the owner that migrates and the login the app uses (docs/operations.md).
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U postgres -d postgres <<SQL
create role kap_owner login password '${KAP_OWNER_PASSWORD}';
create role kap_app login password '${KAP_APP_PASSWORD}';
alter database kap owner to kap_owner;
SQL
