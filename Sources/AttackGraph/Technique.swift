/// Identifies an escalation technique of `escalation.md` (E1…E13); one technique per file.
public struct TechniqueID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: String
    public init(_ raw: String) { self.raw = raw }
    public var description: String { raw }
    public static func < (a: TechniqueID, b: TechniqueID) -> Bool {
        (Int(a.raw.dropFirst()) ?? 0, a.raw) < (Int(b.raw.dropFirst()) ?? 0, b.raw)
    }
}
