/// Everything read from an `--azure DIR` folder (issue 18; file names are fixed): each part is
/// optional and empty when its file is absent. Values are as the `az` CLI prints them; every
/// object keeps the location of its JSON object.
public struct AzureEnvironment: Sendable {
    /// `aks.json` (`az aks show -o json`).
    public var cluster: AKSCluster?
    /// `role-assignments.json` (`az role assignment list --all --include-inherited -o json`).
    public var roleAssignments: [AzureRoleAssignment]
    /// `role-definitions.json` (`az role definition list --custom-role-only true -o json`; built-in
    /// definitions given here override the shipped table).
    public var roleDefinitions: [AzureRoleDefinition]
    /// `group-members/<group object id>.json` (`az ad group member list --group <id> -o json`),
    /// keyed by the group object ID (the file name without `.json`).
    public var groupMembers: [String: [AzureDirectoryObject]]
    /// `identities.json` (`az identity list -o json`).
    public var identities: [AzureManagedIdentity]
    /// `federated-credentials/<identity name>.json` (`az identity federated-credential list`),
    /// keyed by the identity name.
    public var federatedCredentials: [String: [AzureFederatedCredential]]
    /// `keyvaults.json` (a JSON array of `az keyvault show -o json` objects).
    public var keyVaults: [AzureKeyVault]

    public init(cluster: AKSCluster? = nil, roleAssignments: [AzureRoleAssignment] = [],
                roleDefinitions: [AzureRoleDefinition] = [], groupMembers: [String: [AzureDirectoryObject]] = [:],
                identities: [AzureManagedIdentity] = [], federatedCredentials: [String: [AzureFederatedCredential]] = [:],
                keyVaults: [AzureKeyVault] = []) {
        self.cluster = cluster
        self.roleAssignments = roleAssignments
        self.roleDefinitions = roleDefinitions
        self.groupMembers = groupMembers
        self.identities = identities
        self.federatedCredentials = federatedCredentials
        self.keyVaults = keyVaults
    }
}

/// One `az role assignment list` entry.
public struct AzureRoleAssignment: Hashable, Sendable {
    /// ARM ID of the assignment (`…/providers/Microsoft.Authorization/roleAssignments/<guid>`).
    public var id: String
    /// The assignment's GUID (`name`).
    public var name: String
    public var principalId: String
    /// `User`, `Group`, `ServicePrincipal` (managed identities are service principals), …
    public var principalType: String
    /// UPN, group display name or app ID, when `az` printed it.
    public var principalName: String?
    /// Full ARM ID or bare GUID of the role definition.
    public var roleDefinitionId: String
    public var roleDefinitionName: String?
    /// ARM scope (`/`, `/providers/Microsoft.Management/managementGroups/x`, `/subscriptions/…`, …).
    public var scope: String
    /// An ABAC condition (assignments with one are not evaluated: kube-reach reports them).
    public var condition: String?
    public var location: SourceLocation

    public init(id: String, name: String, principalId: String, principalType: String, principalName: String? = nil,
                roleDefinitionId: String, roleDefinitionName: String? = nil, scope: String, condition: String? = nil,
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.principalId = principalId
        self.principalType = principalType
        self.principalName = principalName
        self.roleDefinitionId = roleDefinitionId
        self.roleDefinitionName = roleDefinitionName
        self.scope = scope
        self.condition = condition
        self.location = location
    }

    /// The GUID at the end of ``roleDefinitionId``, lowercased.
    public var roleDefinitionGUID: String {
        String(roleDefinitionId.split(separator: "/").last ?? "").lowercased()
    }
}

/// One `permissions` entry of a role definition.
public struct AzurePermission: Hashable, Sendable {
    public var actions: [String]
    public var notActions: [String]
    public var dataActions: [String]
    public var notDataActions: [String]

    public init(actions: [String] = [], notActions: [String] = [], dataActions: [String] = [], notDataActions: [String] = []) {
        self.actions = actions
        self.notActions = notActions
        self.dataActions = dataActions
        self.notDataActions = notDataActions
    }
}

/// A role definition (built-in from the shipped table, or custom from `role-definitions.json`).
public struct AzureRoleDefinition: Hashable, Sendable {
    /// The GUID (`name` in `az` output), lowercased.
    public var guid: String
    public var roleName: String
    /// `BuiltInRole` or `CustomRole`.
    public var roleType: String
    public var permissions: [AzurePermission]
    /// `nil` for the shipped built-in table.
    public var location: SourceLocation?

    public init(guid: String, roleName: String, roleType: String, permissions: [AzurePermission], location: SourceLocation? = nil) {
        self.guid = guid.lowercased()
        self.roleName = roleName
        self.roleType = roleType
        self.permissions = permissions
        self.location = location
    }
}

/// A member of an Entra group (`az ad group member list`).
public struct AzureDirectoryObject: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case user, group, servicePrincipal, other }
    public var id: String
    public var kind: Kind
    public var displayName: String?
    public var userPrincipalName: String?
    public var location: SourceLocation

    public init(id: String, kind: Kind, displayName: String? = nil, userPrincipalName: String? = nil, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.displayName = displayName
        self.userPrincipalName = userPrincipalName
        self.location = location
    }
}

/// A user-assigned managed identity (`az identity list`).
public struct AzureManagedIdentity: Hashable, Sendable {
    public var name: String
    public var id: String
    public var clientId: String
    public var principalId: String
    public var location: SourceLocation

    public init(name: String, id: String, clientId: String, principalId: String, location: SourceLocation) {
        self.name = name
        self.id = id
        self.clientId = clientId
        self.principalId = principalId
        self.location = location
    }
}

/// A federated identity credential of a managed identity.
public struct AzureFederatedCredential: Hashable, Sendable {
    public var name: String
    public var issuer: String
    /// `system:serviceaccount:<namespace>:<name>` for AKS workload identity.
    public var subject: String
    public var audiences: [String]
    public var location: SourceLocation

    public init(name: String, issuer: String, subject: String, audiences: [String], location: SourceLocation) {
        self.name = name
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        self.location = location
    }
}

/// A Key Vault (`az keyvault show`): its permission model and, in the access-policy model, who may
/// get secrets.
public struct AzureKeyVault: Hashable, Sendable {
    public var name: String
    public var id: String
    /// `properties.enableRbacAuthorization`: Azure RBAC data actions decide; else access policies.
    public var enableRbacAuthorization: Bool
    /// Access policies: object ID → secret permissions (lowercased).
    public var accessPolicies: [AzureAccessPolicy]
    public var location: SourceLocation

    public init(name: String, id: String, enableRbacAuthorization: Bool, accessPolicies: [AzureAccessPolicy], location: SourceLocation) {
        self.name = name
        self.id = id
        self.enableRbacAuthorization = enableRbacAuthorization
        self.accessPolicies = accessPolicies
        self.location = location
    }
}

/// One Key Vault access policy entry.
public struct AzureAccessPolicy: Hashable, Sendable {
    public var objectId: String
    public var secretPermissions: [String]
    public init(objectId: String, secretPermissions: [String]) {
        self.objectId = objectId
        self.secretPermissions = secretPermissions
    }
}
