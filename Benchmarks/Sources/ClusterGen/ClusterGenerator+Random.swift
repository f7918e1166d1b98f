/// Random mode (`--mode random`): the issue's "random N-pod / M-policy cluster". Every pod draws
/// its namespace, labels (keys `app`, `tier`, `env`, `role`, each present with probability 0.7,
/// values from 3–8 per key) and 0–3 container ports from a small set (`http` is 80 on some pods
/// and 8080 on others; `dns` UDP and TCP 53; `https` 443; `metrics` 9100) on its own; 10 % of pods
/// are dual-stack. Policies draw namespace, podSelector (`{}`, matchLabels and/or one
/// matchExpressions entry of any operator), policyTypes (omitted, `[Ingress]`, `[Egress]`, both),
/// 0–2 rules per direction (sometimes `ingress: []`), ports (omitted, protocol only, numbers from
/// {53, 80, 443, 8080}, names, ranges) and peers (omitted, podSelector, namespaceSelector, both,
/// ipBlocks over the pod subnet with `except`, the internet). Probes of interest: TCP/80, UDP/53.
extension ClusterGenerator {
    static let randomKeys: [(key: String, values: [String])] = [
        ("app", ["web", "api", "db", "cache", "auth", "search", "worker", "gateway"]),
        ("tier", ["frontend", "backend", "data"]), ("env", ["prod", "staging", "dev"]), ("role", ["a", "b", "c"]),
    ]
    static let randomPorts: [(name: String, port: Int, proto: String)] = [
        ("http", 80, "TCP"), ("http", 8080, "TCP"), ("dns", 53, "UDP"), ("dns-tcp", 53, "TCP"), ("https", 443, "TCP"),
        ("metrics", 9100, "TCP"),
    ]

    func randomIP(_ i: Int) -> String { "10.1.\((i >> 8) & 255).\(i & 255)" }

    func writeRandomPods(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.pods {
            var labels = ""
            for (key, values) in Self.randomKeys where rng.chance(0.7) { labels += "    \(key): \(rng.pick(values))\n" }
            var ports = ""
            for _ in 0..<rng.below(4) {
                let p = rng.pick(Self.randomPorts)
                ports += "        - {name: \(p.name), containerPort: \(p.port), protocol: \(p.proto)}\n"
            }
            let ip = randomIP(i)
            let status = rng.chance(0.1)
                ? "status:\n  podIP: \(ip)\n  podIPs:\n    - ip: \(ip)\n    - ip: \"fd00::1:\(String(i, radix: 16))\"\n"
                : "status:\n  podIP: \(ip)\n"
            out += "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-\(pad(i, 6))\n  namespace: \(namespace(rng.below(max(1, spec.namespaces))))\n"
                + (labels.isEmpty ? "" : "  labels:\n\(labels)")
                + "spec:\n  containers:\n    - name: main\n      image: registry.example.com/app:1\n"
                + (ports.isEmpty ? "" : "      ports:\n\(ports)") + status
        }
    }

    /// A random label selector body (YAML flow mapping), `{}` included.
    func randomSelector(_ rng: inout SeededRandom, keys: [(key: String, values: [String])]) -> String {
        var parts: [String] = []
        if rng.chance(0.6) {
            let k = rng.pick(keys)
            parts.append("matchLabels: {\(k.key): \(rng.pick(k.values))}")
        }
        if rng.chance(0.4) {
            let k = rng.pick(keys)
            switch rng.below(4) {
            case 0: parts.append("matchExpressions: [{key: \(k.key), operator: In, values: [\(rng.pick(k.values)), \(rng.pick(k.values))]}]")
            case 1: parts.append("matchExpressions: [{key: \(k.key), operator: NotIn, values: [\(rng.pick(k.values))]}]")
            case 2: parts.append("matchExpressions: [{key: \(k.key), operator: Exists}]")
            default: parts.append("matchExpressions: [{key: \(k.key), operator: DoesNotExist}]")
            }
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    func writeRandomPolicies(_ out: inout String, _ rng: inout SeededRandom) {
        let nsKeys: [(key: String, values: [String])] = [
            ("team", Self.teams), ("env", Self.envs),
            ("kubernetes.io/metadata.name", (0..<max(1, spec.namespaces)).map(namespace)),
        ]
        for i in 0..<spec.networkPolicies {
            var body = "  podSelector: \(rng.chance(0.25) ? "{}" : randomSelector(&rng, keys: Self.randomKeys))\n"
            switch rng.below(5) {
            case 0: body += "  policyTypes: [Ingress]\n"
            case 1: body += "  policyTypes: [Egress]\n"
            case 2: body += "  policyTypes: [Ingress, Egress]\n"
            default: break
            }
            for (direction, peersKey) in [("ingress", "from"), ("egress", "to")] {
                if rng.chance(0.15) { continue }
                let count = rng.below(3)
                if count == 0 { body += "  \(direction): []\n"; continue }
                body += "  \(direction):\n"
                for _ in 0..<count { body += randomRule(&rng, peersKey: peersKey, nsKeys: nsKeys) }
            }
            out += "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: rnd-\(pad(i, 6))\n  namespace: \(namespace(rng.below(max(1, spec.namespaces))))\nspec:\n" + body
        }
    }

    func randomRule(_ rng: inout SeededRandom, peersKey: String, nsKeys: [(key: String, values: [String])]) -> String {
        var rule = ""
        if !rng.chance(0.3) {
            rule += "      ports:\n"
            for _ in 0..<(1 + rng.below(2)) {
                let proto = rng.pick(["", "protocol: TCP, ", "protocol: UDP, ", "protocol: TCP, "])
                switch rng.below(5) {
                case 0: rule += "        - {protocol: \(rng.pick(["TCP", "UDP", "SCTP"]))}\n"
                case 1: rule += "        - {\(proto)port: \(rng.pick(["http", "dns", "dns-tcp", "https", "metrics"]))}\n"
                case 2:
                    let range = rng.pick([(53, 80), (80, 443), (8000, 8080), (80, 9100)])
                    rule += "        - {\(proto)port: \(range.0), endPort: \(range.1)}\n"
                default: rule += "        - {\(proto)port: \(rng.pick([53, 80, 443, 8080]))}\n"
                }
            }
        }
        if !rng.chance(0.25) {
            rule += "      \(peersKey):\n"
            for _ in 0..<(1 + rng.below(2)) {
                switch rng.below(5) {
                case 0: rule += "        - podSelector: \(randomSelector(&rng, keys: Self.randomKeys))\n"
                case 1: rule += "        - namespaceSelector: \(randomSelector(&rng, keys: nsKeys))\n"
                case 2:
                    rule += "        - namespaceSelector: \(randomSelector(&rng, keys: nsKeys))\n"
                    rule += "          podSelector: \(randomSelector(&rng, keys: Self.randomKeys))\n"
                case 3:
                    let third = rng.below(max(1, (spec.pods + 255) / 256))
                    rule += "        - ipBlock: {cidr: 10.1.0.0/16, except: [10.1.\(third).0/24, 10.1.\(third + 1).128/25]}\n"
                default:
                    rule += rng.chance(0.5) ? "        - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}\n"
                                            : "        - ipBlock: {cidr: \"fd00::/16\"}\n"
                }
            }
        }
        return rule.isEmpty ? "    - {}\n" : "    - " + rule.dropFirst(6)
    }
}
