import ReachModel

/// A Pod or pod-template workload as the container checks see it.
struct PodSubject: Sendable {
    /// `Deployment/ns/name`, `Pod/ns/name`.
    var subject: String
    var namespace: String
    var meta: ObjectMeta
    var spec: PodSpec
    /// Object annotations plus (for workloads) template annotations: either may carry the ignore annotation.
    var annotations: [String: String]

    var location: SourceLocation { meta.location }

    /// Every workload, and every Pod not owned by a workload of the snapshot, sorted by subject.
    /// - Complexity: O((pods + workloads) log(pods + workloads)).
    static func all(_ snapshot: ClusterSnapshot) -> [PodSubject] {
        var out: [PodSubject] = []
        var owners = Set<String>()
        for w in snapshot.workloads {
            let ns = w.meta.namespace ?? "default"
            owners.insert("\(ns)/\(w.kind.rawValue)/\(w.meta.name)")
            out.append(PodSubject(subject: w.ref.description, namespace: ns, meta: w.meta, spec: w.template,
                                  annotations: w.templateAnnotations.merging(w.meta.annotations) { _, object in object }))
        }
        for p in snapshot.pods {
            let ns = p.meta.namespace ?? "default"
            if p.owners.contains(where: { owners.contains("\(ns)/\($0.kind)/\($0.name)") }) { continue }
            out.append(PodSubject(subject: p.ref.description, namespace: ns, meta: p.meta, spec: p.spec, annotations: p.meta.annotations))
        }
        return out.sorted { $0.subject < $1.subject }
    }

    /// Names of containers (all roles) for which `bad` holds, in spec order.
    func containers(where bad: (Container) -> Bool) -> [String] {
        spec.containers.filter(bad).map(\.name)
    }

    /// The container's effective value of a field settable on pod and container securityContext.
    func effective<T>(_ container: Container, _ field: KeyPath<SecurityContext, T?>) -> T? {
        container.securityContext?[keyPath: field] ?? spec.securityContext?[keyPath: field]
    }
}

extension Array where Element == String {
    /// `a, b and c`-style list for messages (`containers app, sidecar`).
    var listText: String { joined(separator: ", ") }
}

/// The namespaces that matter for namespace-level checks: declared Namespace objects and the
/// namespaces of pods and workloads, minus Kubernetes' own (`kube-system`, `kube-public`,
/// `kube-node-lease`).
struct NamespaceScope {
    struct Entry {
        var name: String
        /// The Namespace object, when declared.
        var object: Namespace?
        /// Where to point: the Namespace object, else the first workload in it.
        var location: SourceLocation
        var annotations: [String: String]
    }

    static let system: Set<String> = ["kube-system", "kube-public", "kube-node-lease"]

    /// - Complexity: O(n log n) in namespaces and pod subjects.
    static func entries(_ context: AuditContext, onlyWithWorkloads: Bool = true) -> [Entry] {
        var byName: [String: Entry] = [:]
        for s in context.podSubjects where !system.contains(s.namespace) && byName[s.namespace] == nil {
            byName[s.namespace] = Entry(name: s.namespace, object: nil, location: s.location, annotations: [:])
        }
        for ns in context.manifests.namespaces where !system.contains(ns.meta.name) {
            if onlyWithWorkloads && byName[ns.meta.name] == nil { continue }
            byName[ns.meta.name] = Entry(name: ns.meta.name, object: ns, location: ns.meta.location, annotations: ns.meta.annotations)
        }
        return byName.values.sorted { $0.name < $1.name }
    }
}
