#!/usr/bin/env bash
# Regenerates the Graphs/ gallery (SVGs and Graphs/README.md) from Fixtures/ and, when present,
# the ../shared/corpus manifests. One command, run from anywhere:
#
#   scripts/regenerate-graphs.sh
#
# Environment: KUBE_REACH_BIN (default: build and use .build/debug/kube-reach),
# KUBE_REACH_CORPUS (default: ../shared/corpus beside the checkout; corpus graphs are skipped
# with a message when it is missing). Output is deterministic for the same inputs and Graphviz.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ -z "${KUBE_REACH_BIN:-}" ]; then
  swift build --product kube-reach >/dev/null
  KUBE_REACH_BIN="$root/.build/debug/kube-reach"
fi
corpus=${KUBE_REACH_CORPUS:-$root/../shared/corpus}
out=Graphs
mkdir -p "$out"
rm -f "$out"/*.svg
readme="$out/README.md"
cat > "$readme" <<'HEAD'
# Graph gallery

Rendered by `kube-reach render` (Graphviz in-process) from `Fixtures/` and the `../shared/corpus`
manifests. Regenerate everything with one command:

```sh
scripts/regenerate-graphs.sh
```

Every graph has a legend; beyond the node budget nodes are aggregated and the legend says so.
Attack paths are computed by the attack-path engine (escalation edges E1–E13); hover an edge in
a browser for the binding that grants the permission it uses.

HEAD

# name | title | arguments after `kube-reach render`
entry() {
  local name=$1 title=$2; shift 2
  local shown="" arg
  for arg in "$@"; do
    arg=${arg//$root\//}
    arg=${arg//$corpus/..\/shared\/corpus}
    [[ $arg == *" "* ]] && arg="'$arg'"
    shown+="${shown:+ }$arg"
  done
  if "$KUBE_REACH_BIN" render "$@" -o svg --out-file "$out/$name.svg" 2>/dev/null; then :; else
    echo "note: $name: exit $? (input diagnostics; graph covers the valid objects)" >&2
  fi
  [ -s "$out/$name.svg" ] || { echo "error: $name.svg not written" >&2; exit 1; }
  printf '## %s\n\n`kube-reach render %s`\n\n![%s](%s.svg)\n\n' "$title" "$shown" "$name" "$name" >> "$readme"
  echo "wrote $out/$name.svg"
}

entry example-reach "Bundled example: reachability" reach -f "$root/Fixtures/example"
entry example-rbac "Bundled example: RBAC" rbac -f "$root/Fixtures/example"
entry netpol-ipblocks-reach "ipBlock ranges as external atoms" reach -f "$root/Fixtures/netpol/ipblocks/input"
entry netpol-docs-example-reach "Kubernetes docs NetworkPolicy example" reach -f "$root/Fixtures/netpol/docs-example/input"
entry rbac-aggregation "Aggregated ClusterRoles (incl. a cycle)" rbac -f "$root/Fixtures/rbac/aggregation/input"
entry attack-path-multihop "Attack path: mallory creates a pod as deployer, who binds secret-reader (E1 → E9a)" attack \
  -f "$root/Fixtures/attacks/scenarios/multihop.yaml" --from User:mallory --to 'get secrets db -n prod'
entry attack-who-can-secrets "Who can end up reading secret prod/db (every shortest path merged)" attack \
  -f "$root/Fixtures/attacks/scenarios/multihop.yaml" --transitive 'get secrets db -n prod'
entry attack-example "Attack paths from a JSON diagram (hand-made input)" attack --diagram "$root/Fixtures/render/input/attack-example.json"

# name | title | a kube-reach command that draws with `-o svg --out-file` (paths and who-can with --azure)
entry_cmd() {
  local name=$1 title=$2; shift 2
  local shown="" arg
  for arg in "$@"; do
    arg=${arg//$root\//}
    [[ $arg == *" "* ]] && arg="'$arg'"
    shown+="${shown:+ }$arg"
  done
  "$KUBE_REACH_BIN" "$@" -o svg --out-file "$out/$name.svg"
  [ -s "$out/$name.svg" ] || { echo "error: $name.svg not written" >&2; exit 1; }
  printf '## %s\n\n`kube-reach %s`\n\n![%s](%s.svg)\n\n' "$title" "$shown" "$name" "$name" >> "$readme"
  echo "wrote $out/$name.svg"
}

entry_cmd foothold-internet-to-prod-secret "Footholds: the internet reads Secret prod/db in four steps (X1 → X2 → F1 → E7p)" \
  paths -f "$root/Fixtures/footholds/internet-to-prod-secret/cluster.yaml" --from internet --to 'get secrets db -n prod'
entry foothold-ingress-controller "Footholds: the internet reaches prod/web only through the ingress-nginx controller (X1 via the controller pod, deciding policy named)" attack \
  -f "$root/Fixtures/footholds/controllers/ingress-nginx.yaml" --from internet --to 'get secrets db -n prod'

aks="$root/Fixtures/azure/scenario"
entry_cmd aks-identities-who-can-secrets "AKS identities: Azure principals that can end up reading prod/db (subscription Contributor, Entra groups, admin group, kubelet identity)" \
  who-can get secrets db -n prod --transitive -f "$aks/input" --azure "$aks/azure"
entry_cmd aks-identities-workload-keyvault "AKS identities: an Entra user's Azure RBAC creates a pod whose workload identity reads a Key Vault secret" \
  paths -f "$aks/input" --azure "$aks/azure" --from AzureUser:carol@contoso.com --to 'keyvault kv-prod/db-password'

if [ -d "$corpus" ]; then
  entry microservices-demo-reach "microservices-demo with its NetworkPolicies" reach \
    -f "$corpus/microservices-demo/release/kubernetes-manifests.yaml" -f "$corpus/microservices-demo/kustomize/components/network-policies"
  entry aks-store-demo-reach "aks-store-demo (no NetworkPolicies: everything open)" reach -f "$corpus/aks-store-demo/aks-store-all-in-one.yaml"
  entry argo-cd-reach "Argo CD install: reachability" reach -f "$corpus/argo-cd/manifests/install.yaml"
  entry argo-cd-rbac "Argo CD install: RBAC" rbac -f "$corpus/argo-cd/manifests/install.yaml"
  entry bootstrap-rbac-secrets "Kubernetes bootstrap RBAC: who is granted secrets" rbac \
    -f "$corpus/kubernetes-bootstrap-rbac/plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata" --resource secrets
  entry bootstrap-attack-admin "Kubernetes bootstrap RBAC: who can become cluster-admin-equivalent" attack \
    -f "$corpus/kubernetes-bootstrap-rbac/plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata" --to-admin
else
  echo "note: corpus not found at $corpus: corpus graphs skipped" >&2
  printf '_Corpus graphs were skipped: ../shared/corpus was not present when this was generated._\n' >> "$readme"
fi
