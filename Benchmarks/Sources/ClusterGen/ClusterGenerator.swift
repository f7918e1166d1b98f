/// Generates a deterministic synthetic cluster as multi-document YAML: namespaces, pods with
/// labels from a realistic vocabulary and named ports, pod-template workloads, service accounts,
/// Roles/ClusterRoles (with aggregation chains and wildcards), bindings, NetworkPolicies (selectors,
/// namespace selectors, named ports, port ranges, ipBlocks with except), secrets and services.
///
/// - Complexity: O(objects) time; the output is built in one string.
public struct ClusterGenerator: Sendable {
    public let spec: ClusterSpec

    static let apps = ["web", "api", "db", "cache", "queue", "worker", "auth", "payments", "search",
                       "frontend", "backend", "gateway", "metrics", "logging", "scheduler"]
    static let tiers = ["frontend", "backend", "data", "ops"]
    static let teams = ["red", "blue", "green", "platform"]
    static let envs = ["prod", "staging", "dev"]
    static let namedPorts: [(name: String, port: Int, proto: String)] = [
        ("http", 8080, "TCP"), ("https", 8443, "TCP"), ("grpc", 9090, "TCP"), ("metrics", 9100, "TCP"),
        ("dns", 53, "UDP"), ("pg", 5432, "TCP"), ("redis", 6379, "TCP"), ("sctp-sig", 3868, "SCTP"),
    ]

    /// Port ranges used with `endPort` (a small vocabulary, as in real policies).
    static let portRanges = [(8000, 8099), (8080, 8090), (9000, 9100), (30000, 32767), (5432, 5433), (6379, 6380)]

    public init(spec: ClusterSpec) { self.spec = spec }

    func namespace(_ i: Int) -> String { "ns-\(pad(i, 4))" }
    func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// The whole cluster as one YAML stream. Dense and random modes write only namespaces, pods,
    /// workloads and NetworkPolicies (the other counts are ignored).
    public func yaml() -> String {
        var out = ""
        out.reserveCapacity(spec.objectCount * 600)
        var rng = SeededRandom(seed: spec.seed)
        switch spec.mode {
        case .standard: break
        case .dense:
            writeNamespaces(&out, &rng)
            writePods(&out, &rng)
            writeWorkloads(&out, &rng)
            writeDensePolicies(&out, &rng)
            return out
        case .random:
            writeNamespaces(&out, &rng)
            writeRandomPods(&out, &rng)
            writeWorkloads(&out, &rng)
            writeRandomPolicies(&out, &rng)
            return out
        }
        writeNamespaces(&out, &rng)
        writeServiceAccounts(&out, &rng)
        writePods(&out, &rng)
        writeWorkloads(&out, &rng)
        writeServices(&out, &rng)
        writeSecrets(&out, &rng)
        writeRoles(&out, &rng)
        writeClusterRoles(&out, &rng)
        writeBindings(&out, &rng)
        writeNetworkPolicies(&out, &rng)
        return out
    }

    func writeNamespaces(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.namespaces {
            out += """
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: \(namespace(i))
              labels:
                team: \(rng.pick(Self.teams))
                env: \(rng.pick(Self.envs))

            """
        }
    }

    func writeServiceAccounts(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.serviceAccounts {
            let automount = rng.chance(0.2) ? "\nautomountServiceAccountToken: false" : ""
            out += """
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: sa-\(pad(i, 6))
              namespace: \(namespace(i % max(1, spec.namespaces)))\(automount)

            """
        }
    }

    /// Labels and a pod spec body (indented by `indent` spaces) for pod number `i`.
    func podTemplate(_ i: Int, _ rng: inout SeededRandom, indent: Int) -> (labels: String, spec: String) {
        let pad = String(repeating: " ", count: indent)
        let app = rng.pick(Self.apps)
        let labels = "\(pad)  app: \(app)\n\(pad)  tier: \(rng.pick(Self.tiers))\n\(pad)  version: v\(rng.below(4))\n\(pad)  team: \(rng.pick(Self.teams))\n"
        let ns = i % max(1, spec.namespaces)
        let saCount = max(1, spec.serviceAccounts / max(1, spec.namespaces))
        let sa = spec.serviceAccounts > ns ? "sa-\(self.pad(ns + spec.namespaces * rng.below(saCount), 6))" : "default"
        var ports = ""
        for _ in 0..<(1 + rng.below(3)) {
            let p = rng.pick(Self.namedPorts)
            ports += "\(pad)      - {name: \(p.name), containerPort: \(p.port), protocol: \(p.proto)}\n"
        }
        var extra = ""
        if spec.footholdFacts {
            // Footholds (footholds.md): a node per pod group, one template in 40 privileged, one in
            // 4 reading a secret of its namespace from the environment.
            extra += "\(pad)nodeName: node-\(self.pad(i % max(1, spec.pods / 50), 4))\n"
            if rng.below(40) == 0 { extra += "\(pad)hostPID: true\n" }
        }
        let secretRef = spec.footholdFacts && spec.secrets > 0 && rng.below(4) == 0
            ? "\(pad)    env:\n\(pad)      - {name: SECRET, valueFrom: {secretKeyRef: {name: secret-\(self.pad(ns + spec.namespaces * rng.below(max(1, spec.secrets / max(1, spec.namespaces))), 6)), key: password}}}\n"
            : ""
        let privileged = spec.footholdFacts && rng.below(40) == 0 ? "\(pad)    securityContext: {privileged: true}\n" : ""
        let body = """
        \(pad)serviceAccountName: \(sa)
        \(extra)\(pad)containers:
        \(pad)  - name: main
        \(pad)    image: registry.example.com/\(app):1.\(rng.below(20))
        \(secretRef)\(privileged)\(pad)    ports:
        \(ports)
        """
        return (labels, body)
    }
}
