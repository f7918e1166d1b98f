/// Dense mode (`--mode dense`): permissive policies, so that allowed pod pairs number in the
/// millions (about 500 × pods same-namespace pairs plus ≈ 0.004 × pods² cross-namespace pairs
/// per probe with 500 pods per namespace).
///
/// Policy `i` goes to namespace `i % namespaces`; its shape is chosen by its round
/// `i / namespaces` (so with at least as many policies as namespaces every namespace gets the
/// same-namespace allow first):
///
/// | round % 8 | shape |
/// |---|---|
/// | 0 | allow from the whole namespace (`podSelector: {}` → `from: [podSelector: {}]`) |
/// | 1 | allow-all egress for the namespace (`policyTypes: [Egress]`, `egress: [{}]`) |
/// | 2 | one app × tier admits namespaces of a team on `http` and 8000–8100 (every 10th namespace; else like 0 for one app) |
/// | 3 | every pod admits the monitoring app of `ns-0000` (`kubernetes.io/metadata.name`) on `metrics`/9100 |
/// | 4 | `app: gateway` admits namespaces with `env In [prod, staging]` on every port (every 25th namespace; else like 0) |
/// | 5 | `tier: data` egress: own namespace, DNS to kube-system (UDP 53), the internet on 443 (ipBlock with except) |
/// | 6 | one app open to everything (`ingress: [{}]`, every 50th namespace; else same-namespace allow for one app) |
/// | 7 | default-deny ingress and egress (first time only; later rounds: same-namespace allow with `NotIn`) |
extension ClusterGenerator {
    func writeDensePolicies(_ out: inout String, _ rng: inout SeededRandom) {
        let namespaces = max(1, spec.namespaces)
        for i in 0..<spec.networkPolicies {
            let nsIndex = i % namespaces, round = i / namespaces
            let head = "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: dense-\(pad(i, 6))\n  namespace: \(namespace(nsIndex))\nspec:\n"
            let app = rng.pick(Self.apps)
            let sameNamespaceForApp = "  podSelector:\n    matchLabels: {app: \(app)}\n  ingress:\n    - from:\n        - podSelector: {}\n"
            switch round % 8 {
            case 0:
                out += head + "  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n"
            case 1:
                out += head + "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - {}\n"
            case 2 where nsIndex % 10 == 0:
                out += head + "  podSelector:\n    matchLabels: {app: \(app), tier: \(rng.pick(Self.tiers))}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {team: \(rng.pick(Self.teams))}\n      ports:\n        - {protocol: TCP, port: http}\n        - {port: 8000, endPort: 8100}\n"
            case 3:
                out += head + "  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: \(namespace(0))}\n          podSelector:\n            matchLabels: {app: metrics}\n      ports:\n        - {port: metrics}\n        - {protocol: TCP, port: 9100}\n"
            case 4 where nsIndex % 25 == 0:
                out += head + "  podSelector:\n    matchLabels: {app: gateway}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchExpressions:\n              - {key: env, operator: In, values: [prod, staging]}\n"
            case 5:
                out += head + "  podSelector:\n    matchLabels: {tier: data}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - podSelector: {}\n    - to:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: kube-system}\n      ports:\n        - {protocol: UDP, port: 53}\n    - to:\n        - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}\n      ports:\n        - {protocol: TCP, port: 443}\n"
            case 6 where nsIndex % 50 == 0:
                out += head + "  podSelector:\n    matchLabels: {app: \(app)}\n  ingress:\n    - {}\n"
            case 7 where round == 7:
                out += head + "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n"
            case 7:
                out += head + "  podSelector:\n    matchExpressions:\n      - {key: tier, operator: NotIn, values: [\(rng.pick(Self.tiers))]}\n  ingress:\n    - from:\n        - podSelector: {}\n"
            default:
                out += head + sameNamespaceForApp
            }
        }
    }
}
