import Audit

/// Audit findings that appeared or disappeared, matched by the audit's finding identity
/// (``Audit/Finding/fingerprint``: check ID and object, no line numbers, so moving an object in
/// its file changes nothing).
public struct FindingDiff: Sendable {
    /// Findings of the after side not in the before side (sorted: high severity first).
    public var new: [Finding]
    /// Findings of the before side not in the after side.
    public var fixed: [Finding]

    public var isEmpty: Bool { new.isEmpty && fixed.isEmpty }

    /// - Complexity: O((F₁ + F₂) log(F₁ + F₂)) for the two sides' findings.
    public init(before: [Finding], after: [Finding]) {
        let a = Set(before.map(\.fingerprint)), b = Set(after.map(\.fingerprint))
        new = Self.unique(after.filter { !a.contains($0.fingerprint) })
        fixed = Self.unique(before.filter { !b.contains($0.fingerprint) })
    }

    /// One finding per fingerprint (the first in sorted order).
    static func unique(_ list: [Finding]) -> [Finding] {
        var seen = Set<String>()
        return list.sorted().filter { seen.insert($0.fingerprint).inserted }
    }
}
