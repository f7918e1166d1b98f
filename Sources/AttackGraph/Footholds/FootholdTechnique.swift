/// One foothold edge kind of footholds.md (X1, X2, F1–F3, E1n, E7p). Each conforming type lives in
/// its own file under `Footholds/Techniques/`, named after its ID, with a positive and a negative
/// fixture under `Fixtures/attacks/<ID>/`; the edges themselves are built by ``FootholdGraph``.
public protocol FootholdTechnique {
    static var id: TechniqueID { get }
    /// Short title (the "technique" column).
    static var title: String { get }
    /// The exact condition, as in footholds.md (Markdown).
    static var condition: String { get }
    /// The target(s) (Markdown).
    static var targets: String { get }
    /// Whether a path using this edge rests on an assumption (an exposed or reachable service is
    /// exploitable); `--no-assume-exploitable` drops these edges.
    static var isAssumption: Bool { get }
}

/// The foothold techniques in canonical order; they rank after every technique of escalation.md
/// (footholds.md: "these come after E13").
public enum FootholdCatalog {
    public static let all: [any FootholdTechnique.Type] = [X1.self, X2.self, F1.self, F2.self, F3.self, E1n.self, E7p.self]

    /// Rank of a foothold technique in the tie order: after every ``TechniqueCatalog`` technique.
    public static func rank(of id: TechniqueID) -> Int {
        TechniqueCatalog.all.count + (all.firstIndex { $0.id == id } ?? all.count)
    }

    public static func technique(_ id: TechniqueID) -> (any FootholdTechnique.Type)? {
        all.first { $0.id == id }
    }

    /// Title of any technique, RBAC or foothold.
    public static func title(of id: TechniqueID) -> String {
        technique(id)?.title ?? TechniqueCatalog.technique(id)?.title ?? ""
    }
}
