import ReachModel

/// One probe of a conformance subtest: `PokeServer(client namespace, client pod, protocol, server
/// pod IP, port, expected)`.
struct Poke: Sendable {
    var client: String
    var server: String
    var probe: String
    var allowed: Bool
    init(_ client: String, _ server: String, _ probe: String, _ allowed: Bool) {
        self.client = client
        self.server = server
        self.probe = probe
        self.allowed = allowed
    }
}

/// A change a subtest makes to the applied objects before poking (mutations persist to the next
/// subtests, as they do against a live cluster).
enum ConformanceMutation: Sendable {
    case swapIngress(String, Int, Int)
    case setPriority(String, Int)
    case setIngressAction(String, Int, AdminNetworkPolicy.Action)
    case setEgressAction(String, Int, AdminNetworkPolicy.Action)
    case deleteNetworkPolicy(String)
    case swapEgress(String, Int, Int)
    /// `PatchNamespace` with `SetLabels` (the API server keeps `kubernetes.io/metadata.name`).
    case setNamespaceLabels(String, [String: String])
    /// Inserts at egress index 0 an Accept rule whose `networks` are the pods' IPs (/32), as the
    /// inline-CIDR tests do.
    case insertEgressAcceptToPodIPs(String, [String])
    /// Several changes in one patch.
    case all([ConformanceMutation])
}

/// One `t.Run` subtest.
struct ConformanceStep: Sendable {
    var name: String
    var mutation: ConformanceMutation?
    var pokes: [Poke]
}

/// One conformance test: its manifest (copied under Fixtures/netpol-tiers/conformance/) and its
/// subtests in order.
struct ConformanceCase: Sendable {
    var source: String
    var manifest: String
    var steps: [ConformanceStep]
}

/// Transcribed from kubernetes-sigs/network-policy-api@0eec1b0 `conformance/tests/*.go`: pods are
/// `house/pod` (namespace `network-policy-conformance-<house>`), the server is the destination.
enum TierConformanceCases {
    static let all: [ConformanceCase] = [adminIngressTCP, priority, integration, baselineIngressTCP]

    /// conformance/tests/admin-network-policy-standard-ingress-tcp-rules.go (CNPAdminTierIngressTCP).
    static let adminIngressTCP = ConformanceCase(
        source: "conformance/tests/admin-network-policy-standard-ingress-tcp-rules.go",
        manifest: "admin_tier_standard-ingress-tcp-rules.yaml",
        steps: [
            .init(name: "Should support an 'allow-ingress' policy for TCP protocol; ensure rule ordering is respected", mutation: nil,
                  pokes: [.init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-0", "TCP/80", true),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-0", "TCP/8080", true)]),
            .init(name: "Should support an 'allow-ingress' policy for TCP protocol at the specified port", mutation: nil,
                  pokes: [.init("hufflepuff/cedric-diggory-0", "gryffindor/harry-potter-1", "TCP/80", true),
                          .init("hufflepuff/cedric-diggory-1", "gryffindor/harry-potter-1", "TCP/8080", false)]),
            .init(name: "Should support an 'deny-ingress' policy for TCP protocol; ensure rule ordering is respected",
                  mutation: .swapIngress("ingress-tcp", 0, 1),
                  pokes: [.init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-1", "TCP/80", false),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-1", "TCP/8080", false)]),
            .init(name: "Should support a 'deny-ingress' policy for TCP protocol at the specified port", mutation: nil,
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", true)]),
            .init(name: "Should support an 'pass-ingress' policy for TCP protocol; ensure rule ordering is respected",
                  mutation: .swapIngress("ingress-tcp", 0, 2),
                  pokes: [.init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-0", "TCP/80", true),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-0", "TCP/8080", true)]),
            .init(name: "Should support a 'pass-ingress' policy for TCP protocol at the specified port",
                  mutation: .swapIngress("ingress-tcp", 3, 4),
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", true),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", true)]),
        ])

    /// conformance/tests/admin-network-policy-standard-priority.go (CNPAdminTierPriorityField).
    static let priority = ConformanceCase(
        source: "conformance/tests/admin-network-policy-standard-priority.go",
        manifest: "admin_tier_standard-priority-field.yaml",
        steps: [
            .init(name: "Should Deny traffic from slytherin to gryffindor respecting admin CNP", mutation: nil,
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", false)]),
            .init(name: "Should Deny traffic to slytherin from gryffindor respecting admin CNP", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/8080", false)]),
            .init(name: "Should respect admin CNP priority field; thus passing both ingress and egress traffic over to baseline CNP",
                  mutation: .setPriority("old-priority-60-new-priority-40-example", 40),
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", true),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", true),
                          .init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/8080", true)]),
        ])

    /// conformance/tests/admin-network-policy-standard-integration.go (admin CNP, NetworkPolicy, baseline CNP).
    static let integration = ConformanceCase(
        source: "conformance/tests/admin-network-policy-standard-integration.go",
        manifest: "api_integration_standard-anp-np-banp.yaml",
        steps: [
            .init(name: "Should Deny traffic from slytherin to gryffindor respecting admin CNP", mutation: nil,
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", false)]),
            .init(name: "Should Deny traffic to slytherin from gryffindor respecting admin CNP", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/8080", false)]),
            .init(name: "Should support a 'pass-ingress' policy for admin CNP and respect the match for network policy",
                  mutation: .setIngressAction("pass-example", 0, .pass),
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", true),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", true)]),
            .init(name: "Should support a 'pass-egress' policy for admin CNP and respect the match for network policy",
                  mutation: .setEgressAction("pass-example", 0, .pass),
                  pokes: [.init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/8080", true)]),
            .init(name: "Should support a 'pass-ingress' policy for admin CNP and respect the match for baseline cluster network policy",
                  mutation: .deleteNetworkPolicy("allow-gress-from-to-slytherin-to-gryffindor"),
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", false)]),
            .init(name: "Should support a 'pass-egress' policy for admin CNP and respect the match for baseline cluster network policy",
                  mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/8080", false)]),
        ])

    /// conformance/tests/baseline-admin-network-policy-standard-ingress-tcp-rules.go (CNPBaselineTierIngressTCP).
    static let baselineIngressTCP = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-ingress-tcp-rules.go",
        manifest: "baseline_tier_standard-ingress-tcp-rules.yaml",
        steps: [
            .init(name: "Should support an 'allow-ingress' policy for TCP protocol; ensure rule ordering is respected", mutation: nil,
                  pokes: [.init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-0", "TCP/80", true),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-0", "TCP/8080", true)]),
            .init(name: "Should support an 'allow-ingress' policy for TCP protocol at the specified port", mutation: nil,
                  pokes: [.init("hufflepuff/cedric-diggory-0", "gryffindor/harry-potter-1", "TCP/80", true),
                          .init("hufflepuff/cedric-diggory-1", "gryffindor/harry-potter-1", "TCP/8080", false)]),
            .init(name: "Should support an 'deny-ingress' policy for TCP protocol; ensure rule ordering is respected",
                  mutation: .swapIngress("default", 0, 1),
                  pokes: [.init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-1", "TCP/80", false),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-1", "TCP/8080", false)]),
            .init(name: "Should support a 'deny-ingress' policy for TCP protocol at the specified port", mutation: nil,
                  pokes: [.init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", true)]),
        ])
}
