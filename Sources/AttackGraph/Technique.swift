/// Identifies an escalation technique of `escalation.md` (E1…E13); one technique per file.
public struct TechniqueID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: String
    public init(_ raw: String) { self.raw = raw }
    public var description: String { raw }
    /// Numeric then textual order (`E2 < E5a < E10`); the canonical tie order of paths is
    /// ``TechniqueCatalog/rank(of:)`` (the table order of escalation.md), not this one.
    public static func < (a: TechniqueID, b: TechniqueID) -> Bool {
        (Int(a.raw.dropFirst().prefix { $0.isNumber }) ?? 0, a.raw) < (Int(b.raw.dropFirst().prefix { $0.isNumber }) ?? 0, b.raw)
    }
}

/// One escalation edge kind of escalation.md. Each conforming type lives in its own file under
/// `Techniques/`, named after its ID, with a fixture under `Fixtures/attacks/<ID>/`.
public protocol EscalationTechnique {
    static var id: TechniqueID { get }
    /// Short title (the "technique" column).
    static var title: String { get }
    /// The exact RBAC condition, as in escalation.md (Markdown).
    static var condition: String { get }
    /// The target(s) (Markdown).
    static var targets: String { get }
    /// Adds this technique's edges from every state of `context` that satisfies the condition to
    /// `edges` (which labels them with this technique).
    static func addEdges(_ context: AttackContext, into edges: EdgeSink)
}

/// Every technique in canonical (escalation.md table) order; ties between techniques reaching the
/// same state are broken by this order.
public enum TechniqueCatalog {
    public static let all: [any EscalationTechnique.Type] = [
        E5a.self, E5b.self, E5c.self, E4.self, E2.self, E3.self, E1.self, E6a.self, E6b.self,
        E7.self, E8a.self, E8b.self, E11.self, E12.self, E13.self, E9a.self, E9b.self, E9c.self, E10.self,
    ]

    /// Techniques that create self-grant states (run to a fixed point before the others).
    static let granting: [any EscalationTechnique.Type] = [E9a.self, E9b.self, E9c.self, E10.self]

    /// Position in the canonical order (unknown IDs last).
    public static func rank(of id: TechniqueID) -> Int {
        all.firstIndex { $0.id == id } ?? all.count
    }

    public static func technique(_ id: TechniqueID) -> (any EscalationTechnique.Type)? {
        all.first { $0.id == id }
    }
}
