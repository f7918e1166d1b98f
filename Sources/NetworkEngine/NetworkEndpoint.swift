import ReachCore
import ReachModel

/// A pod-level endpoint of the analysis: a Pod object, or a pod-template workload without Pod
/// objects standing for its template's pods.
public struct NetworkEndpoint: Hashable, Sendable {
    /// `Pod` for Pod objects, else the workload kind.
    public var kind: ObjectKind
    public var namespace: String
    public var name: String
    public var labels: [String: String]
    /// Parsed pod IPs (empty for workloads and IP-less pods).
    public var ips: [IPAddress]
    /// Declared container ports (all containers).
    public var ports: [ContainerPort]
    public var location: SourceLocation
    /// For Pod objects: the owner (`ns/name[Kind]` as netpol-analyzer names workloads), if any.
    public var ownerName: String?

    public init(kind: ObjectKind, namespace: String, name: String, labels: [String: String], ips: [IPAddress] = [],
                ports: [ContainerPort] = [], location: SourceLocation, ownerName: String? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.labels = labels
        self.ips = ips
        self.ports = ports
        self.location = location
        self.ownerName = ownerName
    }

    /// `ns/name` for pods, `ns/name[Kind]` for workloads (interfaces.md).
    public var displayName: String {
        kind == .pod ? "\(namespace)/\(name)" : "\(namespace)/\(name)[\(kind.rawValue)]"
    }

    /// The workload name netpol-analyzer reports: the owner for owned pods, else `ns/name[Kind]`.
    public var workloadName: String { ownerName ?? "\(namespace)/\(name)[\(kind.rawValue)]" }

    /// Container port numbers named `name` with `protocolName` (sorted, usually one).
    /// - Complexity: O(ports).
    public func namedPort(_ name: String, _ protocolName: NetworkProtocol) -> [Int] {
        Array(Set(ports.filter { $0.name == name && $0.protocolName == protocolName }.map(\.containerPort))).sorted()
    }

    /// Every declared (protocol, containerPort) as probes.
    public var declaredProbes: Set<ProbePort> {
        Set(ports.compactMap { (1...65535).contains($0.containerPort) ? ProbePort(protocol: $0.protocolName, port: $0.containerPort) : nil })
    }
}

/// The endpoints of a snapshot (sorted by display name), namespace labels, and the endpoint
/// diagnostics (hostNetwork pods skipped, namespaces without a Namespace object).
public struct EndpointCatalog: Sendable {
    public private(set) var endpoints: [NetworkEndpoint] = []
    /// Effective namespace labels (with `kubernetes.io/metadata.name`) of every namespace seen.
    public private(set) var namespaceLabels: [String: [String: String]] = [:]
    /// Namespaces with a Namespace object.
    public private(set) var declaredNamespaces: Set<String> = []
    public private(set) var diagnostics: [Diagnostic] = []

    /// - Complexity: O(pods + workloads) with owner references; a workload whose pods carry none
    ///   costs O(pods in its namespace) for the selector check.
    public init(snapshot: ClusterSnapshot) {
        for ns in snapshot.namespaces {
            namespaceLabels[ns.name] = ns.effectiveLabels
            declaredNamespaces.insert(ns.name)
        }
        var podsByNamespace: [String: [Pod]] = [:]
        for pod in snapshot.pods {
            let ns = pod.namespace ?? "default"
            if pod.spec.hostNetwork {
                diagnostics.append(Diagnostic(
                    id: NetworkDiagnosticID.hostNetworkPod, severity: .warning, location: pod.location,
                    message: "pod \(ns)/\(pod.name) uses hostNetwork: not selected by policies and not a pod peer"))
                continue
            }
            podsByNamespace[ns, default: []].append(pod)
            let ips = pod.podIPs.compactMap(IPAddress.init)
            endpoints.append(NetworkEndpoint(kind: .pod, namespace: ns, name: pod.name, labels: pod.meta.labels, ips: ips,
                                             ports: pod.spec.allPorts, location: pod.location,
                                             ownerName: pod.owners.first.map { "\(ns)/\($0.name)[\($0.kind)]" }))
        }
        // Owner names, and owner names with a `-suffix` dropped (Deployment → ReplicaSet → Pod, CronJob → Job → Pod).
        var owned: Set<String> = []
        for (ns, pods) in podsByNamespace {
            for owner in pods.flatMap(\.owners) {
                owned.insert("\(ns)/\(owner.name)")
                if owner.kind == "ReplicaSet" || owner.kind == "Job", let dash = owner.name.lastIndex(of: "-") { owned.insert("\(ns)/\(owner.name[..<dash])") }
            }
        }
        for w in snapshot.workloads {
            let ns = w.namespace ?? "default"
            if owned.contains("\(ns)/\(w.name)") || EndpointCatalog.hasPods(w, podsByNamespace[ns] ?? []) { continue }
            if w.template.hostNetwork {
                diagnostics.append(Diagnostic(
                    id: NetworkDiagnosticID.hostNetworkPod, severity: .warning, location: w.location,
                    message: "\(w.kind.rawValue) \(ns)/\(w.name) uses hostNetwork: not selected by policies and not a pod peer"))
                continue
            }
            endpoints.append(NetworkEndpoint(kind: w.kind, namespace: ns, name: w.name, labels: w.templateLabels,
                                             ports: w.template.allPorts, location: w.location))
        }
        let names = endpoints.map { Array($0.displayName.utf8) }
        endpoints = endpoints.indices.sorted { names[$0].lexicographicallyPrecedes(names[$1]) }.map { endpoints[$0] }
        for e in endpoints where namespaceLabels[e.namespace] == nil {
            namespaceLabels[e.namespace] = ["kubernetes.io/metadata.name": e.namespace]
            diagnostics.append(Diagnostic(
                id: NetworkDiagnosticID.undeclaredNamespace, severity: .warning, location: e.location,
                message: "namespace \(e.namespace) has no Namespace object; analysed with only kubernetes.io/metadata.name"))
        }
    }

    /// Whether a workload has Pod objects besides owner references (checked first by the
    /// caller): an ownerless pod of its namespace that its non-empty selector matches.
    static func hasPods(_ w: Workload, _ pods: [Pod]) -> Bool {
        guard let sel = w.selector, !sel.isEmpty else { return false }
        return pods.contains { $0.owners.isEmpty && sel.matches($0.meta.labels) }
    }

    /// Labels of `namespace` (at least `kubernetes.io/metadata.name`).
    public func labels(ofNamespace namespace: String) -> [String: String] {
        namespaceLabels[namespace] ?? ["kubernetes.io/metadata.name": namespace]
    }
}
