import ReachModel

/// Why an Azure principal holds an Azure permission: the role assignment (and the group through
/// which it applies), or a Key Vault access policy.
public struct AzureGrant: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Source: Hashable, Sendable {
        /// A role assignment of a role whose permission entry `matched` allows the action.
        case assignment(AzureRoleAssignment, roleName: String, matched: String)
        /// A Key Vault access policy entry for `objectId` with secret permission `get`.
        case accessPolicy(vault: String, objectId: String)
        /// `aadProfile.adminGroupObjectIDs` lists this group (AKS binds it to cluster-admin).
        case adminGroup(String)
    }

    public var source: Source
    /// The group through which the principal holds it (`nil`: directly).
    public var viaGroup: String?

    public init(_ source: Source, viaGroup: String? = nil) {
        self.source = source
        self.viaGroup = viaGroup
    }

    /// The role assignment, when the grant is one.
    public var assignment: AzureRoleAssignment? {
        if case .assignment(let a, _, _) = source { return a }
        return nil
    }

    /// `role assignment <name> (<role>) at <scope> [matched <pattern>] [via AzureGroup:<id>]`.
    public var description: String {
        var text: String
        switch source {
        case .assignment(let a, let role, let matched):
            text = "role assignment \(a.name) (\(role)) at \(a.scope) matching \(matched)"
            if a.condition != nil { text += " [has an ABAC condition, not evaluated]" }
        case .accessPolicy(let vault, let oid): text = "access policy of key vault \(vault) for \(oid) (secrets: get)"
        case .adminGroup(let g): text = "aadProfile.adminGroupObjectIDs lists \(g)"
        }
        if let viaGroup { text += " via AzureGroup:\(viaGroup)" }
        return text
    }

    public static func < (a: AzureGrant, b: AzureGrant) -> Bool { a.description < b.description }
}

/// A principal and its grants (who-can answers).
public struct AzureHolder: Hashable, Sendable {
    public var principal: AzurePrincipalRef
    /// UPN or display name, when known.
    public var label: String?
    public var grants: [AzureGrant]

    public init(principal: AzurePrincipalRef, label: String?, grants: [AzureGrant]) {
        self.principal = principal
        self.label = label
        self.grants = grants
    }
}
