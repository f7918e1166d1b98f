/// The parts of `metadata` kube-reach uses, plus where the object was read.
public struct ObjectMeta: Hashable, Sendable {
    public var name: String
    /// `nil` for cluster-scoped objects; always set (possibly defaulted) for namespaced ones.
    public var namespace: String?
    public var labels: [String: String]
    public var annotations: [String: String]
    public var location: SourceLocation
    /// Whether the namespace was filled in from `--namespace-default`.
    public var namespaceDefaulted: Bool

    public init(name: String, namespace: String? = nil, labels: [String: String] = [:],
                annotations: [String: String] = [:], location: SourceLocation, namespaceDefaulted: Bool = false) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.location = location
        self.namespaceDefaulted = namespaceDefaulted
    }
}

/// Every modelled object exposes its kind and metadata.
public protocol KubeObject: Sendable {
    static var kind: ObjectKind { get }
    var meta: ObjectMeta { get }
}

extension KubeObject {
    public var ref: ObjectRef { ObjectRef(kind: Self.kind, namespace: meta.namespace, name: meta.name) }
    public var name: String { meta.name }
    public var namespace: String? { meta.namespace }
    public var location: SourceLocation { meta.location }
}
