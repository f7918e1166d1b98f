#!/bin/sh
# Writes the --azure DIR folder kube-reach reads (issue 18; see docs/azure.md) with the Azure CLI:
#   scripts/collect-azure.sh RESOURCE_GROUP CLUSTER_NAME DIR
# Needs `az login` and read access (Reader on the subscription; Directory readers for group members).
# Tested only against a stub `az` (Fixtures/azure/collect-stub, CollectAzureScriptTests), never
# against Azure itself.
# Every file is the JSON `az` prints; nothing is transformed except that keyvaults.json is a list
# of `az keyvault show` objects (`az keyvault list` omits the permission model and access policies).
set -eu
if [ $# -ne 3 ]; then
  echo "usage: $0 RESOURCE_GROUP CLUSTER_NAME DIR" >&2
  exit 2
fi
rg=$1 cluster=$2 dir=$3
mkdir -p "$dir/group-members" "$dir/federated-credentials"

az aks show -g "$rg" -n "$cluster" -o json > "$dir/aks.json"
az role assignment list --all --include-inherited -o json > "$dir/role-assignments.json"
az role definition list --custom-role-only true -o json > "$dir/role-definitions.json"
az identity list -o json > "$dir/identities.json"

# Members of every group that holds a role assignment or is an AKS admin group; nested groups
# are followed (members may be groups).
groups=$( { az role assignment list --all --include-inherited --query "[?principalType=='Group'].principalId" -o tsv
            az aks show -g "$rg" -n "$cluster" --query "aadProfile.adminGroupObjectIDs[]" -o tsv; } | sort -u)
seen=""
while [ -n "$groups" ]; do
  next=""
  for g in $groups; do
    case " $seen " in *" $g "*) continue ;; esac
    seen="$seen $g"
    az ad group member list --group "$g" -o json > "$dir/group-members/$g.json"
    next="$next $(az ad group member list --group "$g" --query "[?\"@odata.type\"=='#microsoft.graph.group'].id" -o tsv)"
  done
  groups=$(echo $next)
done

# Federated credentials of every user-assigned identity.
az identity list --query "[].[name,resourceGroup]" -o tsv | while read -r name group; do
  az identity federated-credential list --identity-name "$name" -g "$group" -o json > "$dir/federated-credentials/$name.json"
done

# Key vaults with their permission model and access policies. `--resource-type vault`: without it
# `az keyvault list` also lists managed HSMs (azure-cli keyvault/custom.py list_vault_or_hsm), which
# `az keyvault show` refuses, stopping the script with keyvaults.json half written.
{
  printf '['
  first=1
  for id in $(az keyvault list --resource-type vault --query "[].id" -o tsv); do
    [ $first -eq 1 ] || printf ','
    first=0
    az keyvault show --ids "$id" -o json
  done
  printf ']\n'
} > "$dir/keyvaults.json"
echo "wrote $dir" >&2
