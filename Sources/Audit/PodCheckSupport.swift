import ReachModel

/// A check on every pod-bearing object (Pods and workload templates): it supplies `problem(_:)`.
protocol PodCheck: AuditCheck {
    /// What is wrong with the pod spec, one line, or `nil`.
    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String?
}

extension PodCheck {
    func evaluate(_ context: AuditContext) -> [Finding] {
        context.podSubjects.compactMap { pod in
            problem(pod, context.options).map { finding(pod.subject, $0, at: [pod.location], annotations: pod.annotations) }
        }
    }
}

/// A check on every relevant namespace (see ``NamespaceScope``).
protocol NamespaceCheck: AuditCheck {
    /// Only namespaces with pods or workloads (`true`), or also declared empty ones.
    var onlyWithWorkloads: Bool { get }
    func problem(_ namespace: NamespaceScope.Entry, _ snapshot: ClusterSnapshot) -> String?
}

extension NamespaceCheck {
    var onlyWithWorkloads: Bool { true }

    func evaluate(_ context: AuditContext) -> [Finding] {
        NamespaceScope.entries(context, onlyWithWorkloads: onlyWithWorkloads).compactMap { ns in
            problem(ns, context.manifests).map {
                finding("Namespace/\(ns.name)", $0, at: [ns.location], annotations: ns.annotations)
            }
        }
    }
}

extension ClusterSnapshot {
    /// Namespaces that have at least one object of the list.
    func namespaces<T: KubeObject>(of items: [T]) -> Set<String> { Set(items.compactMap(\.meta.namespace)) }
}
