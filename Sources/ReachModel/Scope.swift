/// Where an object or a grant applies: cluster-wide or inside one namespace.
public enum Scope: Hashable, Comparable, Sendable, CustomStringConvertible {
    case cluster
    case namespace(String)

    public var namespace: String? {
        if case .namespace(let ns) = self { return ns }
        return nil
    }

    public var description: String {
        switch self {
        case .cluster: "cluster"
        case .namespace(let ns): "namespace \(ns)"
        }
    }

    public static func < (a: Scope, b: Scope) -> Bool {
        switch (a, b) {
        case (.cluster, .namespace): true
        case (.namespace(let x), .namespace(let y)): x < y
        default: false
        }
    }
}

/// Identifies one object: kind, optional namespace, name.
public struct ObjectRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var kind: ObjectKind
    public var namespace: String?
    public var name: String

    public init(kind: ObjectKind, namespace: String?, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `Kind/ns/name` or `Kind/name`.
    public var description: String {
        if let namespace { return "\(kind.rawValue)/\(namespace)/\(name)" }
        return "\(kind.rawValue)/\(name)"
    }

    public static func < (a: ObjectRef, b: ObjectRef) -> Bool {
        (a.kind.rawValue, a.namespace ?? "", a.name) < (b.kind.rawValue, b.namespace ?? "", b.name)
    }
}
