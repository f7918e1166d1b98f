#!/usr/bin/env python3
"""A deterministic world for timing the tiered engine (issue 19): namespaces, pods with IPs and
named ports, NetworkPolicies, and ClusterNetworkPolicies / an AdminNetworkPolicy / a
BaselineAdminNetworkPolicy written to a separate file, so that the same manifests can be timed
with and without the tiers.

Usage: Benchmarks/scripts/tiers-world.py PODS NPS TIER_POLICIES OUTDIR [pods]
Writes OUTDIR/base.yaml (namespaces, pods, NetworkPolicies) and OUTDIR/tiers.yaml. The egress
`networks` peers are /24s outside the pod range, or with `pods` inside it (10.0.x.0/24: they then
split the classes of equivalent pods by IP, the worst case).
"""
import random
import sys

pods, nps, tiers, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
in_pods = len(sys.argv) > 5 and sys.argv[5] == "pods"
rng = random.Random(1)
namespaces = [f"ns-{i:03d}" for i in range(max(2, pods // 100))]
apps, tiers_l = ["web", "api", "db", "cache", "worker", "batch"], ["front", "back", "data"]
base = []
for ns in namespaces:
    base.append(f"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {ns}, labels: {{team: t{rng.randrange(5)}, env: {rng.choice(['prod', 'dev'])}}}}}")
for i in range(pods):
    ns = rng.choice(namespaces)
    base.append(
        f"apiVersion: v1\nkind: Pod\nmetadata: {{name: p{i}, namespace: {ns}, labels: {{app: {rng.choice(apps)}, tier: {rng.choice(tiers_l)}}}}}\n"
        f"spec: {{containers: [{{name: c, image: x, ports: [{{containerPort: {rng.choice([80, 8080, 5432, 6379])}, name: http}}, {{containerPort: 53, protocol: UDP, name: dns}}]}}]}}\n"
        f"status: {{podIP: 10.{i // 65536}.{(i // 256) % 256}.{i % 256}}}")
for i in range(nps):
    ns = rng.choice(namespaces)
    base.append(
        f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: np{i}, namespace: {ns}}}\n"
        f"spec:\n  podSelector: {{matchLabels: {{app: {rng.choice(apps)}}}}}\n  ingress:\n"
        f"  - from: [{{podSelector: {{matchLabels: {{tier: {rng.choice(tiers_l)}}}}}, namespaceSelector: {{matchLabels: {{team: t{rng.randrange(5)}}}}}}}]\n"
        f"    ports: [{{port: {rng.choice([80, 8080, 5432])}}}]")
tier_docs = []
for i in range(tiers):
    action = rng.choice(["Accept", "Deny", "Pass"])
    net = "10.0." if in_pods else rng.choice(["192.168.", "172.16."])
    tier_docs.append(
        f"apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {{name: cnp{i}}}\n"
        f"spec:\n  tier: {rng.choice(['Admin', 'Baseline'])}\n  priority: {rng.randrange(100)}\n"
        f"  subject: {{pods: {{namespaceSelector: {{matchLabels: {{env: {rng.choice(['prod', 'dev'])}}}}}, podSelector: {{matchLabels: {{app: {rng.choice(apps)}}}}}}}}}\n"
        f"  ingress:\n  - {{name: r0, action: {action}, from: [{{namespaces: {{matchLabels: {{team: t{rng.randrange(5)}}}}}}}], protocols: [{{tcp: {{destinationPort: {{number: {rng.choice([80, 5432])}}}}}}}]}}\n"
        f"  - {{name: r1, action: Deny, from: [{{pods: {{namespaceSelector: {{}}, podSelector: {{matchLabels: {{tier: {rng.choice(tiers_l)}}}}}}}}}]}}\n"
        f"  egress:\n  - {{name: e0, action: {rng.choice(['Accept', 'Deny', 'Pass'])}, to: [{{networks: [{net}{rng.randrange(256)}.0/24]}}]}}\n"
        f"  - {{name: e1, action: Pass, to: [{{namespaces: {{}}}}], protocols: [{{destinationNamedPort: dns}}]}}")
tier_docs.append("apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\n"
                 "spec:\n  subject: {namespaces: {}}\n  ingress:\n  - {name: deny-rest, action: Deny, from: [{namespaces: {}}]}")
with open(f"{out}/base.yaml", "w") as f:
    f.write("\n---\n".join(base) + "\n")
with open(f"{out}/tiers.yaml", "w") as f:
    f.write("\n---\n".join(tier_docs) + "\n")
