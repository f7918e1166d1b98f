import AzureEngine
import RBACEngine
import ReachLoader
import ReachModel

/// The Azure identity layer of one `--azure DIR` folder over one snapshot (issue 18; docs/azure.md).
public struct AzureAnalysis: Sendable {
    public let authorizer: AzureAuthorizer
    /// Reader and authorizer diagnostics, sorted.
    public let diagnostics: [Diagnostic]

    public init(environment: AzureEnvironment, diagnostics: [Diagnostic] = []) {
        authorizer = AzureAuthorizer(environment: environment)
        var all = diagnostics + authorizer.diagnostics
        if environment.cluster == nil || authorizer.clusterID == nil {
            all.append(Diagnostic(id: AzureDiagnosticID.noCluster, severity: .info, location: nil,
                                  message: "no aks.json with an id: Azure RBAC for Kubernetes and the cluster credential edges are not evaluated"))
        }
        self.diagnostics = all.sorted()
    }

    /// Reads `directory` (see ``ReachLoader/AzureDirectoryReader``).
    /// - Complexity: O(total size of the files + assignments).
    public static func load(directory: String) -> AzureAnalysis {
        let (env, diags) = AzureDirectoryReader.load(directory: directory)
        return AzureAnalysis(environment: env, diagnostics: diags)
    }

    /// Whether any diagnostic is an error (the command exits 2 after answering).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The object ID `text` names: `AzureUser:<oid|upn>`, `AzureGroup:<oid>`,
    /// `AzureServicePrincipal:<oid>`, `ManagedIdentity:<name>`; `nil` when unknown.
    public func objectID(of text: String) -> String? {
        AzurePrincipalRef(parsing: text).flatMap { authorizer.directory.objectID(of: $0) }
    }

    /// The Entra object behind a Kubernetes identity of `can-i --as`: `User:<upn or oid>`.
    public func objectID(for identity: Identity) -> String? {
        identity.user.flatMap { authorizer.objectID(forKubernetesUser: $0) }
    }

    /// Azure RBAC for Kubernetes grants of the Entra object behind `identity` for `request`.
    public func grants(for identity: Identity, _ request: AccessRequest) -> [AzureGrant] {
        guard let oid = objectID(for: identity) else { return [] }
        return authorizer.kubernetesGrants(oid, request)
    }
}

/// What `kube-reach azure-access PRINCIPAL` reports: the principal, its Kubernetes identity and
/// RBAC access, the Azure RBAC assignments that act on the cluster, and the identity edges.
public struct AzureAccessReport: Sendable {
    public var principal: AzurePrincipalRef
    public var objectID: String
    public var label: String?
    /// `nil` when the cluster has no Entra integration.
    public var kubernetesIdentity: Identity?
    /// Kubernetes RBAC access of that identity (bindings to its user name and group object IDs).
    public var kubernetesAccess: AccessSummary?
    /// Assignments applying to the principal whose role has AKS data actions and whose scope
    /// covers the cluster or one of its namespaces, with the scope they act on (`*` or a namespace).
    public var azureRBAC: [(scope: String, grant: AzureGrant, dataActions: [String], notDataActions: [String])]
    /// AZ1–AZ7 edges from the principal (and, for a managed identity, AZ5 edges into it).
    public var routes: [AzureRoute]
    public var azureRBACEnabled: Bool
}

extension AzureAnalysis {
    /// Whether a data action pattern can match AKS data actions (`Microsoft.ContainerService/managedClusters/…`,
    /// or a wildcard such as `*` or `*/read`).
    static func actsOnAKS(_ pattern: String) -> Bool {
        pattern.lowercased().hasPrefix(AzureAction.managedClusters.lowercased() + "/")
            || AzureAction.matches(pattern, AzureAction.managedClusters + "/pods/read")
    }

    /// The report for the Entra object `oid`; `index` answers its Kubernetes RBAC access.
    /// - Complexity: O(assignments × permissions) plus one ``RBACEngine/RBACIndex/access(_:namespace:)``.
    public func access(_ oid: String, index: RBACIndex, snapshot: ClusterSnapshot) -> AzureAccessReport {
        let a = authorizer
        let ref = a.directory.principal(for: oid)
        let identity = a.entraIntegrated ? a.kubernetesIdentity(oid) : nil
        var rows: [(String, AzureGrant, [String], [String])] = []
        if let cluster = a.clusterID {
            let ids = [oid] + (a.directory.groupsOf[oid] ?? [])
            for assignment in a.environment.roleAssignments where ids.contains(assignment.principalId) {
                guard let role = a.definitions[assignment.roleDefinitionGUID] else { continue }
                let data = role.permissions.flatMap(\.dataActions).filter(Self.actsOnAKS)
                guard !data.isEmpty else { continue }
                let scope = AzureAuthorizer.normalizedScope(assignment.scope)
                let nsPrefix = cluster + "/namespaces/"
                let acts: String
                if AzureAuthorizer.covers(scope: scope, resource: cluster) { acts = "*" }
                else if scope.hasPrefix(nsPrefix), !scope.dropFirst(nsPrefix.count).contains("/") { acts = String(scope.dropFirst(nsPrefix.count)) }
                else { continue }
                let via = assignment.principalId == oid ? nil : assignment.principalId
                let matched = data.count == 1 ? data[0] : "\(data.count) AKS data actions"
                rows.append((acts, AzureGrant(.assignment(assignment, roleName: role.roleName, matched: matched), viaGroup: via),
                             data, role.permissions.flatMap(\.notDataActions)))
            }
        }
        var routes = a.routes(from: oid)
        if ref.kind == .managedIdentity { routes += a.workloadIdentityRoutes(snapshot: snapshot).filter { $0.to == ref.description } }
        return AzureAccessReport(principal: ref, objectID: oid, label: a.directory.label(for: oid), kubernetesIdentity: identity,
                                 kubernetesAccess: identity.map { index.access($0) },
                                 azureRBAC: rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }, routes: routes.sorted(),
                                 azureRBACEnabled: a.azureRBACEnabled)
    }
}
