import ReachModel

/// Baseline-tier conformance tests, transcribed as ``TierConformanceCases/more`` describes.
extension TierConformanceCases {
    static let moreBaseline: [ConformanceCase] = [cNPBaselineTierEgressInlineCIDRPeers, cNPBaselineTierEgressSCTP, cNPBaselineTierEgressTCP, cNPBaselineTierEgressUDP, cNPBaselineTierGress, cNPBaselineTierIngressSCTP, cNPBaselineTierIngressUDP]

    /// conformance/tests/baseline-admin-network-policy-standard-egress-inline-cidr-rules.go (CNPBaselineTierEgressInlineCIDRPeers).
    static let cNPBaselineTierEgressInlineCIDRPeers = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-egress-inline-cidr-rules.go",
        manifest: "baseline_tier_standard-egress-inline-cidr-rules.yaml",
        steps: [
            .init(name: "Should support a 'deny-egress' rule policy for egress-cidr-peer", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "UDP/53", false),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "SCTP/9003", false),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-0", "UDP/53", false),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-0", "SCTP/9003", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "UDP/53", true),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "SCTP/9003", true)]),
            .init(name: "Should support a 'deny-egress' rule policy for egress-cidr-peer (after relabelling the namespace)", mutation: .setNamespaceLabels("slytherin", ["conformance-house": "denied-namespace-label"]),
                  pokes: [.init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "UDP/53", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "SCTP/9003", false)]),
            .init(name: "Should support a 'deny-egress' rule policy for egress-cidr-peer (after relabelling the namespace)", mutation: .setNamespaceLabels("slytherin", ["conformance-house": "slytherin"]),
                  pokes: [.init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "UDP/53", true),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "SCTP/9003", true)]),
            .init(name: "Should support an 'allow-egress' rule policy for egress-cidr-peer", mutation: .insertEgressAcceptToPodIPs("default", ["ravenclaw/luna-lovegood-0", "hufflepuff/cedric-diggory-0"]),
                  pokes: [.init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "UDP/53", true),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "SCTP/9003", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-0", "UDP/53", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-0", "SCTP/9003", true),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-1", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-1", "UDP/53", false),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-1", "SCTP/9003", false),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "UDP/53", false),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "SCTP/9003", false)]),
        ])

    /// conformance/tests/baseline-admin-network-policy-standard-egress-sctp-rules.go (CNPBaselineTierEgressSCTP).
    static let cNPBaselineTierEgressSCTP = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-egress-sctp-rules.go",
        manifest: "baseline_tier_standard-egress-sctp-rules.yaml",
        steps: [
            .init(name: "Should support an 'allow-egress' policy for SCTP protocol; ensure rule ordering is respected", mutation: nil,
                  pokes: [.init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-0", "SCTP/9003", true),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-0", "SCTP/9005", true)]),
            .init(name: "Should support an 'allow-egress' policy for SCTP protocol at the specified port", mutation: nil,
                  pokes: [.init("ravenclaw/luna-lovegood-0", "hufflepuff/cedric-diggory-1", "SCTP/9003", true),
                          .init("ravenclaw/luna-lovegood-1", "hufflepuff/cedric-diggory-1", "SCTP/9005", false)]),
            .init(name: "Should support an 'deny-egress' policy for SCTP protocol; ensure rule ordering is respected", mutation: .swapEgress("default", 0, 1),
                  pokes: [.init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-1", "SCTP/9003", false),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-1", "SCTP/9005", false)]),
            .init(name: "Should support a 'deny-egress' policy for SCTP protocol at the specified port", mutation: nil,
                  pokes: [.init("ravenclaw/luna-lovegood-0", "slytherin/draco-malfoy-0", "SCTP/9003", false),
                          .init("ravenclaw/luna-lovegood-1", "slytherin/draco-malfoy-0", "SCTP/9005", true)]),
        ])

    /// conformance/tests/baseline-admin-network-policy-standard-egress-tcp-rules.go (CNPBaselineTierEgressTCP).
    static let cNPBaselineTierEgressTCP = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-egress-tcp-rules.go",
        manifest: "baseline_tier_standard-egress-tcp-rules.yaml",
        steps: [
            .init(name: "Should support an 'allow-egress' policy for TCP protocol; ensure rule ordering is respected", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "TCP/8080", true)]),
            .init(name: "Should support an 'allow-egress' policy for TCP protocol at the specified port", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "hufflepuff/cedric-diggory-1", "TCP/8080", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "TCP/80", false)]),
            .init(name: "Should support an 'deny-egress' policy for TCP protocol; ensure rule ordering is respected", mutation: .swapEgress("default", 0, 1),
                  pokes: [.init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-1", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-1", "TCP/8080", false)]),
            .init(name: "Should support a 'deny-egress' policy for TCP protocol at the specified port", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/8080", true)]),
        ])

    /// conformance/tests/baseline-admin-network-policy-standard-egress-udp-rules.go (CNPBaselineTierEgressUDP).
    static let cNPBaselineTierEgressUDP = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-egress-udp-rules.go",
        manifest: "baseline_tier_standard-egress-udp-rules.yaml",
        steps: [
            .init(name: "Should support an 'allow-egress' policy for UDP protocol; ensure rule ordering is respected", mutation: nil,
                  pokes: [.init("hufflepuff/cedric-diggory-0", "ravenclaw/luna-lovegood-0", "UDP/53", true),
                          .init("hufflepuff/cedric-diggory-1", "ravenclaw/luna-lovegood-0", "UDP/5353", true)]),
            .init(name: "Should support an 'allow-egress' policy for UDP protocol at the specified port", mutation: nil,
                  pokes: [.init("hufflepuff/cedric-diggory-0", "gryffindor/harry-potter-1", "UDP/53", true),
                          .init("hufflepuff/cedric-diggory-1", "gryffindor/harry-potter-1", "UDP/5353", false)]),
            .init(name: "Should support an 'deny-egress' policy for UDP protocol; ensure rule ordering is respected", mutation: .swapEgress("default", 0, 1),
                  pokes: [.init("hufflepuff/cedric-diggory-0", "ravenclaw/luna-lovegood-1", "UDP/53", false),
                          .init("hufflepuff/cedric-diggory-1", "ravenclaw/luna-lovegood-1", "UDP/5353", false)]),
            .init(name: "Should support a 'deny-egress' policy for UDP protocol at the specified port", mutation: nil,
                  pokes: [.init("hufflepuff/cedric-diggory-0", "slytherin/draco-malfoy-0", "UDP/5353", false),
                          .init("hufflepuff/cedric-diggory-1", "slytherin/draco-malfoy-0", "UDP/53", true)]),
        ])

    /// conformance/tests/baseline-admin-network-policy-standard-gress-rules.go (CNPBaselineTierGress).
    static let cNPBaselineTierGress = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-gress-rules.go",
        manifest: "baseline_tier_standard-gress-rules-combined.yaml",
        steps: [
            .init(name: "Should support an 'allow-gress' policy across different protocols", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-0", "TCP/80", true),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "UDP/53", true),
                          .init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-0", "SCTP/9003", true),
                          .init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-0", "TCP/80", true),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-0", "UDP/53", true),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-0", "SCTP/9003", true)]),
            .init(name: "Should support an 'allow-gress' policy across different protocols at the specified ports", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "hufflepuff/cedric-diggory-1", "TCP/8080", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "TCP/80", false),
                          .init("gryffindor/harry-potter-0", "hufflepuff/cedric-diggory-1", "UDP/5353", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "UDP/53", false),
                          .init("gryffindor/harry-potter-0", "hufflepuff/cedric-diggory-1", "SCTP/9003", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "SCTP/9005", false),
                          .init("hufflepuff/cedric-diggory-0", "gryffindor/harry-potter-1", "TCP/80", true),
                          .init("hufflepuff/cedric-diggory-1", "gryffindor/harry-potter-1", "TCP/8080", false),
                          .init("hufflepuff/cedric-diggory-0", "gryffindor/harry-potter-1", "UDP/5353", true),
                          .init("hufflepuff/cedric-diggory-1", "gryffindor/harry-potter-1", "UDP/53", false),
                          .init("hufflepuff/cedric-diggory-0", "gryffindor/harry-potter-1", "SCTP/9003", true),
                          .init("hufflepuff/cedric-diggory-1", "gryffindor/harry-potter-1", "SCTP/9005", false)]),
            .init(name: "Should support an 'deny-gress' policy across different protocols", mutation: .all([.swapEgress("default", 0, 1), .swapIngress("default", 0, 1)]),
                  pokes: [.init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-1", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-1", "UDP/53", false),
                          .init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-1", "SCTP/9003", false),
                          .init("ravenclaw/luna-lovegood-0", "gryffindor/harry-potter-1", "TCP/80", false),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-1", "UDP/53", false),
                          .init("ravenclaw/luna-lovegood-1", "gryffindor/harry-potter-1", "SCTP/9003", false)]),
            .init(name: "Should support a 'deny-gress' policy across different protocols at the specified ports", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "TCP/80", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "TCP/8080", true),
                          .init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "UDP/53", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "UDP/5353", true),
                          .init("gryffindor/harry-potter-0", "slytherin/draco-malfoy-0", "SCTP/9003", false),
                          .init("gryffindor/harry-potter-1", "slytherin/draco-malfoy-0", "SCTP/9005", true),
                          .init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "TCP/80", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "TCP/8080", true),
                          .init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "UDP/53", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "UDP/5353", true),
                          .init("slytherin/draco-malfoy-0", "gryffindor/harry-potter-0", "SCTP/9003", false),
                          .init("slytherin/draco-malfoy-1", "gryffindor/harry-potter-0", "SCTP/9005", true)]),
        ])

    /// conformance/tests/baseline-admin-network-policy-standard-ingress-sctp-rules.go (CNPBaselineTierIngressSCTP).
    static let cNPBaselineTierIngressSCTP = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-ingress-sctp-rules.go",
        manifest: "baseline_tier_standard-ingress-sctp-rules.yaml",
        steps: [
            .init(name: "Should support an 'allow-ingress' policy for SCTP protocol; ensure rule ordering is respected", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-0", "SCTP/9003", true),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-0", "SCTP/9005", true)]),
            .init(name: "Should support an 'allow-ingress' policy for SCTP protocol at the specified port", mutation: nil,
                  pokes: [.init("hufflepuff/cedric-diggory-0", "ravenclaw/luna-lovegood-1", "SCTP/9003", true),
                          .init("hufflepuff/cedric-diggory-1", "ravenclaw/luna-lovegood-1", "SCTP/9005", false)]),
            .init(name: "Should support an 'deny-ingress' policy for SCTP protocol; ensure rule ordering is respected", mutation: .swapIngress("default", 0, 1),
                  pokes: [.init("gryffindor/harry-potter-0", "ravenclaw/luna-lovegood-1", "SCTP/9003", false),
                          .init("gryffindor/harry-potter-1", "ravenclaw/luna-lovegood-1", "SCTP/9005", false)]),
            .init(name: "Should support a 'deny-ingress' policy for SCTP protocol at the specified port", mutation: nil,
                  pokes: [.init("slytherin/draco-malfoy-0", "ravenclaw/luna-lovegood-0", "SCTP/9003", false),
                          .init("slytherin/draco-malfoy-1", "ravenclaw/luna-lovegood-0", "SCTP/9005", true)]),
        ])

    /// conformance/tests/baseline-admin-network-policy-standard-ingress-udp-rules.go (CNPBaselineTierIngressUDP).
    static let cNPBaselineTierIngressUDP = ConformanceCase(
        source: "conformance/tests/baseline-admin-network-policy-standard-ingress-udp-rules.go",
        manifest: "baseline_tier_standard-ingress-udp-rules.yaml",
        steps: [
            .init(name: "Should support an 'allow-ingress' policy for UDP protocol; ensure rule ordering is respected", mutation: nil,
                  pokes: [.init("ravenclaw/luna-lovegood-0", "hufflepuff/cedric-diggory-0", "UDP/53", true),
                          .init("ravenclaw/luna-lovegood-1", "hufflepuff/cedric-diggory-0", "UDP/5353", true)]),
            .init(name: "Should support an 'allow-ingress' policy for UDP protocol at the specified port", mutation: nil,
                  pokes: [.init("gryffindor/harry-potter-0", "hufflepuff/cedric-diggory-1", "UDP/53", true),
                          .init("gryffindor/harry-potter-1", "hufflepuff/cedric-diggory-1", "UDP/5353", false)]),
            .init(name: "Should support an 'deny-ingress' policy for UDP protocol; ensure rule ordering is respected", mutation: .swapIngress("default", 0, 1),
                  pokes: [.init("ravenclaw/luna-lovegood-0", "hufflepuff/cedric-diggory-1", "UDP/53", false),
                          .init("ravenclaw/luna-lovegood-1", "hufflepuff/cedric-diggory-1", "UDP/5353", false)]),
            .init(name: "Should support a 'deny-ingress' policy for UDP protocol at the specified port", mutation: nil,
                  pokes: [.init("slytherin/draco-malfoy-0", "hufflepuff/cedric-diggory-0", "UDP/5353", false),
                          .init("slytherin/draco-malfoy-1", "hufflepuff/cedric-diggory-0", "UDP/53", true)]),
        ])
}
