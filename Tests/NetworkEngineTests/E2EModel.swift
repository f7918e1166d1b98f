import Testing
import ReachCore
import ReachModel
@testable import NetworkEngine

/// The upstream e2e model (`test/e2e/network/netpol/model.go`): namespaces x, y, z labelled
/// `ns=<name>` (plus `kubernetes.io/metadata.name`), pods a, b, c labelled `pod=<name>`, each
/// serving ports 80 and 81 over TCP, UDP and SCTP with container ports named
/// `serve-<port>-<protocol>`. Pod IPs are 10.<ns>.0.<pod> (so 0.0.0.0/4 holds them all, as the
/// upstream `makeLargeCIDRForIP` /4 does).
enum E2EModel {
    static let namespaces = ["x", "y", "z"]
    static let pods = ["a", "b", "c"]
    static let loc = SourceLocation(file: "e2e", document: 1, line: 1)

    static func ip(_ pod: String) -> String {
        let parts = pod.split(separator: "/").map(String.init)
        let ns = namespaces.firstIndex(of: parts[0]) ?? 0, p = pods.firstIndex(of: parts[1]) ?? 0
        return "10.\(ns).0.\(p + 1)"
    }

    static var allPods: [String] { namespaces.flatMap { ns in pods.map { "\(ns)/\($0)" } } }

    static func snapshot(_ policies: [NetworkPolicy], podLabels: [String: [String: String]] = [:],
                         namespaceLabels: [String: [String: String]] = [:]) -> ClusterSnapshot {
        var snap = ClusterSnapshot()
        for ns in namespaces {
            snap.namespaces.append(Namespace(meta: ObjectMeta(name: ns, labels: ["ns": ns].merging(namespaceLabels[ns] ?? [:]) { $1 },
                                                              location: loc)))
        }
        var ports: [ContainerPort] = []
        for port in [80, 81] {
            for proto in [NetworkProtocol.tcp, .udp, .sctp] {
                ports.append(ContainerPort(name: "serve-\(port)-\(proto.rawValue.lowercased())", containerPort: port, protocol: proto))
            }
        }
        for pod in allPods {
            let parts = pod.split(separator: "/").map(String.init)
            let labels = ["pod": parts[1]].merging(podLabels[pod] ?? [:]) { $1 }
            snap.pods.append(Pod(meta: ObjectMeta(name: parts[1], namespace: parts[0], labels: labels, location: loc),
                                 spec: PodSpec(containers: [Container(name: "c", ports: ports)]), podIPs: [ip(pod)]))
        }
        snap.networkPolicies = policies
        return snap
    }
}

/// `Peer` of upstream `reachability.go`: empty fields match everything.
struct Peer {
    var namespace: String? = nil
    var pod: String? = nil
    func matches(_ p: String) -> Bool {
        let parts = p.split(separator: "/").map(String.init)
        return (namespace == nil || namespace == parts[0]) && (pod == nil || pod == parts[1])
    }
}

/// The truth table of upstream `reachability.go` (starts all-true; loopback is ignored when graded).
struct Reachability {
    var table: [String: [String: Bool]] = [:]
    init(_ value: Bool = true) {
        for a in E2EModel.allPods { for b in E2EModel.allPods { table[a, default: [:]][b] = value } }
    }
    mutating func expectPeer(_ from: Peer, _ to: Peer, _ v: Bool) {
        for a in E2EModel.allPods where from.matches(a) { for b in E2EModel.allPods where to.matches(b) { table[a]?[b] = v } }
    }
    mutating func expectAllIngress(_ pod: String, _ v: Bool) { for a in E2EModel.allPods { table[a]?[pod] = v } }
    mutating func expectAllEgress(_ pod: String, _ v: Bool) { for b in E2EModel.allPods { table[pod]?[b] = v } }
    mutating func expect(_ from: String, _ to: String, _ v: Bool) { table[from]?[to] = v }
    func with(_ body: (inout Reachability) -> Void) -> Reachability { var r = self; body(&r); return r }
}

/// Builders mirroring upstream `policies.go` (`GenNetworkPolicyWithNameAndPodSelector`,
/// `SetSpecIngressRules`, `SetSpecEgressRules`: each appends its policyType).
enum Gen {
    static func policy(_ name: String, _ ns: String = "x", pod: [String: String]? = nil, selector: LabelSelector = .everything,
                       ingress: [NetworkPolicyRule]? = nil, egress: [NetworkPolicyRule]? = nil) -> NetworkPolicy {
        var types: [PolicyType] = []
        if ingress != nil { types.append(.ingress) }
        if egress != nil { types.append(.egress) }
        return NetworkPolicy(meta: ObjectMeta(name: name, namespace: ns, location: E2EModel.loc),
                             podSelector: pod.map { LabelSelector(matchLabels: $0) } ?? selector,
                             policyTypes: types, ingress: ingress, egress: egress)
    }
    static func rule(_ peers: [NetworkPolicyPeer]? = nil, ports: [NetworkPolicyPort]? = nil) -> NetworkPolicyRule {
        NetworkPolicyRule(ports: ports, peers: peers)
    }
    static func labels(_ l: [String: String]) -> LabelSelector { LabelSelector(matchLabels: l) }
    static func expr(_ key: String, _ op: LabelSelector.Operator, _ values: [String]) -> LabelSelector {
        LabelSelector(matchExpressions: [.init(key: key, op: op, values: values)])
    }
    static let nsKey = "kubernetes.io/metadata.name"
    static func port(_ n: Int, _ p: NetworkProtocol? = nil) -> NetworkPolicyPort { NetworkPolicyPort(protocol: p, port: .number(n)) }
    static func named(_ n: String, _ p: NetworkProtocol? = nil) -> NetworkPolicyPort { NetworkPolicyPort(protocol: p, port: .name(n)) }
}

/// One upstream `ginkgo.It`: its name, the cluster and the (probe, truth table) checks.
struct E2ECase: CustomTestStringConvertible, Sendable {
    var name: String
    var policies: [NetworkPolicy]
    var podLabels: [String: [String: String]] = [:]
    var namespaceLabels: [String: [String: String]] = [:]
    var checks: [(String, Reachability)]
    var testDescription: String { name }

    /// Differences between the engine and the truth table, loopback ignored.
    func mismatches() -> [String] {
        let snap = E2EModel.snapshot(policies, podLabels: podLabels, namespaceLabels: namespaceLabels)
        let reach = NetworkEngine.analyze(snap)
        var out: [String] = []
        for (probeText, table) in checks {
            guard let probe = ProbePort(probeText) else { return ["bad probe \(probeText)"] }
            for a in E2EModel.allPods {
                for b in E2EModel.allPods where a != b {
                    guard let s = reach.endpointIndex(named: a), let d = reach.endpointIndex(named: b) else { return ["no pod \(a)"] }
                    let got = reach.allowed(.endpoint(s), .endpoint(d), probe)
                    if got != table.table[a]?[b] { out.append("\(probeText) \(a)->\(b): engine \(got)") }
                }
            }
        }
        return out
    }
}
