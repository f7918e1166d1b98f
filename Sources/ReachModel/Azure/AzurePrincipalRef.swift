/// An Azure principal as kube-reach names it in every output (issue 18):
/// `AzureUser:<object id>`, `AzureGroup:<object id>`, `AzureServicePrincipal:<object id>`,
/// `ManagedIdentity:<name>`.
public struct AzurePrincipalRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case user = "AzureUser"
        case group = "AzureGroup"
        case servicePrincipal = "AzureServicePrincipal"
        case managedIdentity = "ManagedIdentity"
    }

    public var kind: Kind
    /// The Entra object ID (users, groups, service principals) or the identity's name (managed identities).
    public var id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// Parses `AzureUser:x`, `AzureGroup:x`, `AzureServicePrincipal:x` or `ManagedIdentity:x`.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let rest = String(text[text.index(after: colon)...])
        guard let kind = Kind(rawValue: String(text[..<colon])), !rest.isEmpty else { return nil }
        self.init(kind, rest)
    }

    public var description: String { "\(kind.rawValue):\(id)" }

    /// Code-point order of ``description``.
    public static func < (a: AzurePrincipalRef, b: AzurePrincipalRef) -> Bool {
        a.description.utf8.lexicographicallyPrecedes(b.description.utf8)
    }
}
