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
    /// The pod's ServiceAccount (`spec.serviceAccountName`, `default` when unset or empty, as the
    /// ServiceAccount admission plugin sets it); read by Calico's service-account selectors.
    public var serviceAccount: String = "default"

    public init(kind: ObjectKind, namespace: String, name: String, labels: [String: String], ips: [IPAddress] = [],
                ports: [ContainerPort] = [], location: SourceLocation, ownerName: String? = nil, serviceAccount: String = "default") {
        self.serviceAccount = serviceAccount
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
    /// - Complexity: O(ports); allocates only when a port matches.
    public func namedPort(_ name: String, _ protocolName: NetworkProtocol) -> [Int] {
        var out: [Int] = []
        for p in ports where p.protocolName == protocolName && p.name == name { out.append(p.containerPort) }
        if out.count > 1 { out = Array(Set(out)).sorted() }
        return out
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
    /// Labels of the ServiceAccount objects of the input, by `namespace/name`.
    public private(set) var serviceAccountLabels: [String: [String: String]] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    /// - Complexity: O(pods + workloads + E log E) for E endpoints (the display-name sort); a
    ///   workload whose pods carry no owner references is checked through a per-(namespace, label
    ///   key) index of ownerless pods: O(pods in its namespace) once per key, then O(candidates).
    public init(snapshot: ClusterSnapshot) {
        for ns in snapshot.namespaces {
            namespaceLabels[ns.name] = ns.effectiveLabels
            declaredNamespaces.insert(ns.name)
        }
        for sa in snapshot.serviceAccounts { serviceAccountLabels["\(sa.namespace ?? "default")/\(sa.name)"] = sa.meta.labels }
        // Pods are referred to by index: copying a Pod value retains every field.
        let pods = snapshot.pods
        var podsByNamespace: [String: [Int]] = [:]
        endpoints.reserveCapacity(pods.count + snapshot.workloads.count)
        for pi in pods.indices {
            let ns = pods[pi].namespace ?? "default"
            if pods[pi].spec.hostNetwork {
                diagnostics.append(Diagnostic(
                    id: NetworkDiagnosticID.hostNetworkPod, severity: .warning, location: pods[pi].location,
                    message: "pod \(ns)/\(pods[pi].name) uses hostNetwork: not selected by policies and not a pod peer"))
                continue
            }
            podsByNamespace[ns, default: []].append(pi)
            let ips = pods[pi].podIPs.compactMap(IPAddress.init)
            endpoints.append(NetworkEndpoint(kind: .pod, namespace: ns, name: pods[pi].name, labels: pods[pi].meta.labels, ips: ips,
                                             ports: pods[pi].spec.allPorts, location: pods[pi].location,
                                             ownerName: pods[pi].owners.first.map { "\(ns)/\($0.name)[\($0.kind)]" },
                                             serviceAccount: Self.accountName(pods[pi].spec)))
        }
        // Owner names, and owner names with a `-suffix` dropped (Deployment → ReplicaSet → Pod, CronJob → Job → Pod).
        var owned: Set<String> = []
        for (ns, indices) in podsByNamespace {
            for owner in indices.flatMap({ pods[$0].owners }) {
                owned.insert("\(ns)/\(owner.name)")
                if owner.kind == "ReplicaSet" || owner.kind == "Job", let dash = owner.name.lastIndex(of: "-") { owned.insert("\(ns)/\(owner.name[..<dash])") }
            }
        }
        var ownerless = OwnerlessPodIndex(pods: pods, byNamespace: podsByNamespace)
        for w in snapshot.workloads {
            let ns = w.namespace ?? "default"
            if owned.contains("\(ns)/\(w.name)") || ownerless.hasPods(w, namespace: ns) { continue }
            if w.template.hostNetwork {
                diagnostics.append(Diagnostic(
                    id: NetworkDiagnosticID.hostNetworkPod, severity: .warning, location: w.location,
                    message: "\(w.kind.rawValue) \(ns)/\(w.name) uses hostNetwork: not selected by policies and not a pod peer"))
                continue
            }
            endpoints.append(NetworkEndpoint(kind: w.kind, namespace: ns, name: w.name, labels: w.templateLabels,
                                             ports: w.template.allPorts, location: w.location, serviceAccount: Self.accountName(w.template)))
        }
        let names = endpoints.map { Array($0.displayName.utf8) }
        endpoints = endpoints.indices.sorted { names[$0].lexicographicallyPrecedes(names[$1]) }.map { endpoints[$0] }
        for i in endpoints.indices where namespaceLabels[endpoints[i].namespace] == nil {
            let ns = endpoints[i].namespace
            namespaceLabels[ns] = ["kubernetes.io/metadata.name": ns]
            diagnostics.append(Diagnostic(
                id: NetworkDiagnosticID.undeclaredNamespace, severity: .warning, location: endpoints[i].location,
                message: "namespace \(ns) has no Namespace object; analysed with only kubernetes.io/metadata.name"))
        }
    }

    /// Whether a workload has Pod objects besides owner references (checked first by the
    /// caller): an ownerless pod of its namespace that its non-empty selector matches.
    /// - Complexity: O(pods of the namespace × selector size).
    static func hasPods(_ w: Workload, _ indices: [Int], in pods: [Pod]) -> Bool {
        guard let sel = w.selector, !sel.isEmpty else { return false }
        return indices.contains { pods[$0].owners.isEmpty && sel.matches(pods[$0].meta.labels) }
    }

    /// Ownerless pods of each namespace indexed by (label key, value), built per (namespace, key)
    /// on first use, so that checking W workloads against P pods costs O(P + W × candidates)
    /// rather than O(W × pods of the namespace).
    struct OwnerlessPodIndex {
        let pods: [Pod]
        let byNamespace: [String: [Int]]
        private var index: [String: [String: [String: [Int]]]] = [:]

        init(pods: [Pod], byNamespace: [String: [Int]]) {
            self.pods = pods
            self.byNamespace = byNamespace
        }

        /// Same answer as ``EndpointCatalog/hasPods(_:_:in:)``.
        /// - Complexity: O(pods of the namespace) the first time a key is used there, then
        ///   O(candidates with the first matchLabels pair × selector size).
        mutating func hasPods(_ w: Workload, namespace ns: String) -> Bool {
            guard let sel = w.selector, !sel.isEmpty else { return false }
            guard let key = sel.matchLabels.keys.min(), let value = sel.matchLabels[key] else {
                return EndpointCatalog.hasPods(w, byNamespace[ns] ?? [], in: pods)
            }
            if index[ns]?[key] == nil {
                var byValue: [String: [Int]] = [:]
                for i in byNamespace[ns] ?? [] where pods[i].owners.isEmpty {
                    if let v = pods[i].meta.labels[key] { byValue[v, default: []].append(i) }
                }
                index[ns, default: [:]][key] = byValue
            }
            let candidates = index[ns]?[key]?[value] ?? []
            return candidates.contains { sel.matches(pods[$0].meta.labels) }
        }
    }

    /// `spec.serviceAccountName`, `default` when unset or empty.
    static func accountName(_ spec: PodSpec) -> String {
        let name = spec.effectiveServiceAccountName
        return name.isEmpty ? "default" : name
    }

    /// Labels of the ServiceAccount `name` of `namespace`; `nil` when the input has no such object.
    public func labels(ofServiceAccount name: String, namespace: String) -> [String: String]? {
        serviceAccountLabels["\(namespace)/\(name)"]
    }

    /// Labels of `namespace` (at least `kubernetes.io/metadata.name`).
    public func labels(ofNamespace namespace: String) -> [String: String] {
        namespaceLabels[namespace] ?? ["kubernetes.io/metadata.name": namespace]
    }
}
