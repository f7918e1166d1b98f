import RBACEngine
import ReachModel

/// Azure RBAC over an ``AzureEnvironment``: which role assignments give an Entra principal an
/// Azure action (control plane, e.g. `listClusterAdminCredential`) or data action (AKS "Azure RBAC
/// for Kubernetes Authorization", Key Vault secrets) at a resource.
///
/// Semantics (docs/azure.md): an assignment applies to a principal when its `principalId` is the
/// principal or a group that contains it (transitively, from the group member files); it covers a
/// resource when its scope is the resource or an ancestor (`/`, a management group — assumed to
/// contain every subscription, as the hierarchy is not collected —, subscription, resource group,
/// resource); a role allows an action when one permission entry lists a matching action and no
/// matching `not…` action (``AzureAction/matches(_:_:)``).
public struct AzureAuthorizer: Sendable {
    public let environment: AzureEnvironment
    public let directory: AzureDirectory
    /// Role definitions by GUID: the shipped built-ins, replaced by same-GUID definitions given.
    public let definitions: [String: AzureRoleDefinition]
    /// Unknown role definitions and other problems found while indexing, sorted.
    public let diagnostics: [Diagnostic]
    /// Assignment indexes by principal ID.
    let byPrincipal: [String: [Int]]
    /// Assignment scopes naming a container registry (AZ7 candidates), sorted, distinct.
    let registryScopes: [String]
    /// Normalized assignment scopes below a Key Vault secret (`…/secrets/<name>`), sorted, distinct.
    let secretScopes: [String]

    /// - Complexity: O(assignments + definitions + directory construction).
    public init(environment: AzureEnvironment) {
        self.environment = environment
        directory = AzureDirectory(environment: environment)
        var defs: [String: AzureRoleDefinition] = [:]
        for d in BuiltInAzureRoles.all { defs[d.guid] = d }
        for d in environment.roleDefinitions { defs[d.guid] = d }
        definitions = defs
        var diags: [Diagnostic] = []
        var index: [String: [Int]] = [:]
        for (i, a) in environment.roleAssignments.enumerated() {
            index[a.principalId, default: []].append(i)
            if defs[a.roleDefinitionGUID] == nil {
                diags.append(Diagnostic(id: AzureDiagnosticID.unknownRole, severity: .warning, location: a.location,
                                        path: "roleDefinitionId",
                                        message: "role definition \(a.roleDefinitionGUID) (\(a.roleDefinitionName ?? "?")) is neither built in nor in role-definitions.json: the assignment grants nothing here"))
            }
        }
        byPrincipal = index
        registryScopes = Set(environment.roleAssignments.map(\.scope).filter {
            $0.lowercased().contains("/providers/microsoft.containerregistry/registries/")
        }).sorted()
        secretScopes = Set(environment.roleAssignments.map { Self.normalizedScope($0.scope) }.filter { $0.contains("/secrets/") }).sorted()
        diagnostics = diags.sorted()
    }

    /// The cluster's ARM ID, lowercased, when `aks.json` gives one.
    public var clusterID: String? {
        environment.cluster?.string("id").map { Self.normalizedScope($0) }.flatMap { $0.isEmpty || $0 == "/" ? nil : $0 }
    }

    /// Whether Azure RBAC for Kubernetes Authorization is on (`aadProfile.enableAzureRbac`).
    public var azureRBACEnabled: Bool { environment.cluster?.bool("aadProfile.enableAzureRbac") == true }

    /// Whether the cluster uses Entra ID for Kubernetes authentication (an `aadProfile` is set).
    public var entraIntegrated: Bool { environment.cluster?.has("aadProfile") == true && environment.cluster?.setting("aadProfile") != nil }

    /// Whether local accounts (the static admin credential) are enabled: `disableLocalAccounts` is not true.
    public var localAccountsEnabled: Bool { environment.cluster?.bool("disableLocalAccounts") != true }

    /// `aadProfile.adminGroupObjectIDs`, lowercased.
    public var adminGroups: [String] { environment.cluster?.strings("aadProfile.adminGroupObjectIDs").map { $0.lowercased() } ?? [] }

    /// Lowercased scope without a trailing `/` (`/` stays `/`).
    public static func normalizedScope(_ s: String) -> String {
        var t = s.lowercased()
        while t.count > 1, t.hasSuffix("/") { t.removeLast() }
        return t
    }

    /// Whether an assignment at `scope` covers `resource` (both ARM IDs).
    /// - Complexity: O(length).
    public static func covers(scope: String, resource: String) -> Bool {
        let s = normalizedScope(scope), r = normalizedScope(resource)
        if s == "/" || s == r || r.hasPrefix(s + "/") { return true }
        return s.hasPrefix("/providers/microsoft.management/managementgroups/") && r.hasPrefix("/subscriptions/")
    }

    /// The grants by which `oid` may perform `action` on `resource`: `data` selects
    /// dataActions/notDataActions instead of actions/notActions.
    /// - Complexity: O(assignments of the principal and its groups × permission entries × pattern cost).
    public func grants(_ oid: String, action: String, resource: String, data: Bool) -> [AzureGrant] {
        grants(oid) { i in
            let a = environment.roleAssignments[i]
            guard Self.covers(scope: a.scope, resource: resource), let role = definitions[a.roleDefinitionGUID] else { return nil }
            return Self.allows(role, action, data: data).map { (role.roleName, $0) }
        }
    }

    /// The grants of `oid` (directly and through its groups) for which `decide(assignment index)`
    /// gives the role name and the matching pattern.
    func grants(_ oid: String, _ decide: (Int) -> (String, String)?) -> [AzureGrant] {
        var out: [AzureGrant] = []
        for id in [oid] + (directory.groupsOf[oid] ?? []) {
            for i in byPrincipal[id] ?? [] {
                guard let (role, matched) = decide(i) else { continue }
                out.append(AzureGrant(.assignment(environment.roleAssignments[i], roleName: role, matched: matched),
                                      viaGroup: id == oid ? nil : id))
            }
        }
        return out.sorted()
    }

    /// The pattern of `role` that allows `action`, or `nil` (one permission entry must list a
    /// matching action and no matching `not…` action).
    static func allows(_ role: AzureRoleDefinition, _ action: String, data: Bool) -> String? {
        for p in role.permissions {
            let (yes, no) = data ? (p.dataActions, p.notDataActions) : (p.actions, p.notActions)
            guard let hit = yes.first(where: { AzureAction.matches($0, action) }) else { continue }
            if !no.contains(where: { AzureAction.matches($0, action) }) { return hit }
        }
        return nil
    }

    /// Every object that may perform `action` on `resource`: assignment principals and, for group
    /// assignments, the group's known members, each with its grants, sorted by principal. Each
    /// assignment is decided once (scope and role patterns), then looked up per candidate.
    /// - Complexity: O(A × pattern cost + C × (assignments per candidate and its groups) + C log C)
    ///   for A assignments and C candidates.
    public func holders(action: String, resource: String, data: Bool) -> [AzureHolder] {
        var decided: [(String, String)?] = []
        decided.reserveCapacity(environment.roleAssignments.count)
        var verdict: [String: String?] = [:]
        for a in environment.roleAssignments {
            guard Self.covers(scope: a.scope, resource: resource), let role = definitions[a.roleDefinitionGUID] else {
                decided.append(nil)
                continue
            }
            if verdict[role.guid] == nil { verdict[role.guid] = .some(Self.allows(role, action, data: data)) }
            decided.append(verdict[role.guid].flatMap { $0 }.map { (role.roleName, $0) })
        }
        var candidates = Set<String>()
        for (pid, list) in byPrincipal where list.contains(where: { decided[$0] != nil }) {
            candidates.insert(pid)
            candidates.formUnion(directory.membersOf[pid] ?? [])
        }
        return candidates.compactMap { oid -> AzureHolder? in
            let g = grants(oid) { decided[$0] }
            return g.isEmpty ? nil : AzureHolder(principal: directory.principal(for: oid), label: directory.label(for: oid), grants: g)
        }.sorted { $0.principal < $1.principal }
    }
}

/// Stable IDs of the Azure layer's diagnostics.
public enum AzureDiagnosticID {
    /// A role assignment names a role definition kube-reach does not know.
    public static let unknownRole = "KR-AZ-001"
    /// Azure RBAC for Kubernetes could not be evaluated (no `aks.json` or no cluster `id`).
    public static let noCluster = "KR-AZ-002"
    /// An `--as`/`--from` Azure principal is not in the Azure inputs.
    public static let unknownPrincipal = "KR-AZ-003"
}

extension AzureAuthorizer {
    /// The pattern of `role` allowing control-plane `action` (actions/notActions), or `nil`.
    public static func allowsAction(_ role: AzureRoleDefinition, _ action: String) -> String? { allows(role, action, data: false) }
    /// The pattern of `role` allowing data action `action` (dataActions/notDataActions), or `nil`.
    public static func allowsData(_ role: AzureRoleDefinition, _ action: String) -> String? { allows(role, action, data: true) }
}
