import NetworkEngine
import RBACEngine
import ReachModel

/// A pod as the foothold edges see it: a Pod object or a workload's template pod (named as
/// `reach` names it), with the facts F1, F2, X1, X2 and the secret goals read.
public struct FootholdPod: Sendable {
    /// `N/p`, or `N/name[Kind]` for a template pod.
    public var name: String
    public var namespace: String
    /// The Pod object's name (E7p's request names it); `nil` for a template pod.
    public var podName: String?
    public var nodeName: String?
    public var serviceAccount: Principal
    /// escalation.md's rule: unless `automountServiceAccountToken: false` on the pod or, when the
    /// pod does not set it, on its ServiceAccount.
    public var tokenMounted: Bool
    /// F2's reason (``PodEscape/reason(_:)``), `nil` when the pod cannot escape.
    public var escape: String?
    /// Secrets whose content the pod holds (secret and projected volumes, env, envFrom), sorted.
    public var secrets: [String]
    /// Index in ``NetworkEngine/NetworkReach/endpoints``; `nil` for hostNetwork pods (no network edges).
    public var endpoint: Int?
    var labels: [String: String]
    var ports: [ContainerPort]
    /// ingress-nginx `--controller-class` values on its containers' command lines (``ControllerPods``).
    var ingressControllerClasses: [String] = []
}

/// The pods of a snapshot for the foothold graph: first the network endpoints in endpoint order
/// (pod index = endpoint index, so pod bitsets and endpoint bitsets coincide), then hostNetwork
/// pods and template pods, which have no network edges, by name.
public struct FootholdPods: Sendable {
    public let pods: [FootholdPod]
    /// Pod index by name.
    let byName: [String: Int]

    /// - Complexity: O(pods + workloads + endpoints) expected.
    public init(snapshot: ClusterSnapshot, reach: NetworkReach) {
        var saMount: [Principal: Bool?] = [:]
        for sa in snapshot.serviceAccounts {
            saMount[.serviceAccount(namespace: sa.namespace ?? "", name: sa.name)] = sa.automountServiceAccountToken
        }
        func fact(name: String, ns: String, podName: String?, spec: PodSpec, labels: [String: String], endpoint: Int?) -> FootholdPod {
            let sa = Principal.serviceAccount(namespace: ns, name: spec.effectiveServiceAccountName)
            let mounted = spec.automountServiceAccountToken ?? (saMount[sa] ?? nil) ?? true
            var secrets = Set<String>()
            for v in spec.volumes { for case .secret(let s) in v.sources where !s.isEmpty { secrets.insert(s) } }
            for c in spec.containers { secrets.formUnion(c.envSecretNames); secrets.formUnion(c.envFromSecretNames) }
            return FootholdPod(name: name, namespace: ns, podName: podName, nodeName: spec.nodeName, serviceAccount: sa,
                               tokenMounted: mounted, escape: PodEscape.reason(spec), secrets: secrets.sorted(),
                               endpoint: endpoint, labels: labels, ports: spec.allPorts,
                               ingressControllerClasses: spec.ingressControllerClasses)
        }
        var podIndex: [String: Int] = [:]
        for (i, p) in snapshot.pods.enumerated() { podIndex["\(p.namespace ?? "default")/\(p.name)"] = i }
        var workloadIndex: [String: Int] = [:]
        for (i, w) in snapshot.workloads.enumerated() { workloadIndex["\(w.namespace ?? "default")/\(w.name)[\(w.kind.rawValue)]"] = i }
        var out: [FootholdPod] = []
        var seen = Set<String>()
        for (e, ep) in reach.endpoints.enumerated() {
            let key = ep.displayName
            seen.insert(key)
            if ep.kind == .pod, let i = podIndex[key] {
                out.append(fact(name: key, ns: ep.namespace, podName: ep.name, spec: snapshot.pods[i].spec, labels: ep.labels, endpoint: e))
            } else if let i = workloadIndex[key] {
                out.append(fact(name: key, ns: ep.namespace, podName: nil, spec: snapshot.workloads[i].template, labels: ep.labels,
                                endpoint: e))
            }
        }
        var rest: [FootholdPod] = []
        for p in snapshot.pods where p.spec.hostNetwork {
            let ns = p.namespace ?? "default", key = "\(ns)/\(p.name)"
            if seen.insert(key).inserted {
                rest.append(fact(name: key, ns: ns, podName: p.name, spec: p.spec, labels: p.meta.labels, endpoint: nil))
            }
        }
        for w in snapshot.workloads where w.template.hostNetwork {
            let ns = w.namespace ?? "default", key = "\(ns)/\(w.name)[\(w.kind.rawValue)]"
            if seen.insert(key).inserted {
                rest.append(fact(name: key, ns: ns, podName: nil, spec: w.template, labels: w.templateLabels, endpoint: nil))
            }
        }
        rest.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        pods = out + rest
        var names: [String: Int] = [:]
        for (i, p) in pods.enumerated() { names[p.name] = i }
        byName = names
    }

    public var count: Int { pods.count }
    public subscript(i: Int) -> FootholdPod { pods[i] }
    public func index(named name: String) -> Int? { byName[name] }

    /// The ports `services` send to pod `i`: each port of a Service of the pod's namespace whose
    /// non-empty selector matches the pod's labels, its `targetPort` resolved on the pod (unset =
    /// `port`; a name = the pod's container port of that name and protocol). `filter` picks the
    /// Service ports (all by default).
    /// - Complexity: O(services × ports × container ports).
    func targetPorts(of i: Int, services: [Service], filter: (Service, ServicePort) -> Bool = { _, _ in true })
        -> [(service: Service, port: ServicePort, target: ProbePort)] {
        let pod = pods[i]
        var out: [(Service, ServicePort, ProbePort)] = []
        for s in services where s.namespace == pod.namespace {
            guard let sel = s.selector, !sel.isEmpty, sel.allSatisfy({ pod.labels[$0.key] == $0.value }) else { continue }
            for sp in s.ports where filter(s, sp) {
                for n in Self.resolve(sp, on: pod) { out.append((s, sp, ProbePort(protocol: sp.protocolName, port: n))) }
            }
        }
        return out
    }

    /// Target port numbers of `sp` on `pod` (empty when a named target port is not declared).
    static func resolve(_ sp: ServicePort, on pod: FootholdPod) -> [Int] {
        switch sp.targetPort {
        case nil: return [sp.port]
        case .number(let n)?: return (1...65535).contains(n) ? [n] : []
        case .name(let name)?:
            return Array(Set(pod.ports.filter { $0.name == name && $0.protocolName == sp.protocolName }.map(\.containerPort))).sorted()
        }
    }

    /// Ports pod `i` listens on (X2): declared container ports and Service target ports, sorted.
    func listenPorts(of i: Int, services: [Service]) -> [ProbePort] {
        var set = Set(pods[i].ports.compactMap { (1...65535).contains($0.containerPort) ? ProbePort(protocol: $0.protocolName, port: $0.containerPort) : nil })
        for t in targetPorts(of: i, services: services) { set.insert(t.target) }
        return set.sorted()
    }
}
