#!/bin/sh
# Times `kube-reach diff` on a generated cluster of 10,500 pods (kube-reach-gen --objects 30000
# --seed 3) against a copy with a few NetworkPolicies removed and a few objects added (issue 20).
#
# usage: scripts/diff-bench.sh PATH/TO/kube-reach [PATH/TO/kube-reach-gen]
# knobs: OUT=/tmp/kube-reach-diff-bench OBJECTS=30000 SEED=3 REMOVE=5 FORMATS="text md json sarif"
# Prints one Markdown row per command: wall, CPU (user + sys), peak RSS, output bytes, exit code.
set -eu
KR=${1:?path to a release kube-reach}
GEN=${2:-$(dirname "$0")/../.build/release/kube-reach-gen}
OUT=${OUT:-/tmp/kube-reach-diff-bench}
OBJECTS=${OBJECTS:-30000}
SEED=${SEED:-3}
REMOVE=${REMOVE:-5}
FORMATS=${FORMATS:-"text md json sarif"}
mkdir -p "$OUT"
[ -f "$OUT/before.yaml" ] || "$GEN" --objects "$OBJECTS" --seed "$SEED" -o "$OUT/before.yaml"

# The after side: the first $REMOVE NetworkPolicies dropped; an allow-all-ingress policy, a
# default-deny, a RoleBinding (a new user reading secrets in ns-0003) and an egress policy with a
# new ipBlock (198.51.100.0/24 except 198.51.100.128/25 on TCP 8443: new external atoms on the
# after side only) added.
python3 - "$OUT/before.yaml" "$OUT/after.yaml" "$REMOVE" <<'PY'
import sys
src, dst, remove = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = open(src).read().split("\n---\n")
out, dropped = [], 0
for d in docs:
    if dropped < remove and "\nkind: NetworkPolicy\n" in "\n" + d:
        dropped += 1
        continue
    out.append(d)
out.append("""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bench-allow-all-ingress, namespace: ns-0001}
spec:
  podSelector: {}
  ingress: [{}]""")
out.append("""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bench-default-deny, namespace: ns-0002}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]""")
out.append("""apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: bench-secret-reader, namespace: ns-0003}
rules: [{apiGroups: [""], resources: [secrets], verbs: [get, list]}]""")
out.append("""apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: bench-secret-reader, namespace: ns-0003}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: bench-secret-reader}
subjects: [{kind: User, name: bench-new-user, apiGroup: rbac.authorization.k8s.io}]""")
out.append("""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bench-egress-partner, namespace: ns-0004}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {}}]
    - to: [{ipBlock: {cidr: 198.51.100.0/24, except: [198.51.100.128/25]}}]
      ports: [{protocol: TCP, port: 8443}]""")
open(dst, "w").write("\n---\n".join(out) + "\n")
print(f"after: {dropped} NetworkPolicies removed, 5 objects added", file=sys.stderr)
PY

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | wall | CPU (user + sys) | peak RSS | output | exit |"
echo "|---|---|---|---|---|---|"
run() {
    label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$KR" "$@" > "$OUT/out.bin" 2> "$OUT/err.txt" && code=0 || code=$?
    set -- $(cat "$OUT/time.txt" | tail -1)
    bytes=$(wc -c < "$OUT/out.bin")
    echo "| \`$label\` | $1 s | $2 + $3 s | $(( $4 / 1024 )) MB | $bytes B | $code |"
}
for f in $FORMATS; do
    run "diff -o $f" diff --before "$OUT/before.yaml" --after "$OUT/after.yaml" -o "$f"
done
run "diff --pods -o json" diff --before "$OUT/before.yaml" --after "$OUT/after.yaml" --pods -o json
run "diff (same cluster)" diff --before "$OUT/before.yaml" --after "$OUT/before.yaml"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
