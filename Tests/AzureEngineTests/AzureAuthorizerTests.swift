import AzureEngine
import RBACEngine
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// Azure RBAC for Kubernetes Authorization on the scenario fixture (Fixtures/azure/scenario/azure).
/// Expectations follow MicrosoftDocs `articles/aks/manage-azure-rbac.md` (roles, namespace-scoped
/// assignments at `<cluster id>/namespaces/<ns>`) and the built-in role definitions
/// (`built-in-roles/containers.md`): Reader has no secrets, Writer has `secrets/*`, Admin excludes
/// namespace and resource quota writes through NotDataActions.
@Suite struct AzureAuthorizerTests {
    static let dir = TestPaths.fixture("azure/scenario/azure")
    static let bob = "22222222-0000-0000-0000-000000000001", carol = "55555555-0000-0000-0000-000000000001"
    static let erin = "66666666-0000-0000-0000-000000000001", alice = "11111111-0000-0000-0000-000000000001"
    static let frank = "44444444-0000-0000-0000-000000000001"

    static func authorizer(_ edit: (inout AzureEnvironment) -> Void = { _ in }) -> AzureAuthorizer {
        var env = AzureDirectoryReader.load(directory: dir).environment
        edit(&env)
        return AzureAuthorizer(environment: env)
    }

    static func r(_ verb: String, _ resource: String, group: String = "", sub: String = "", ns: String = "") -> AccessRequest {
        AccessRequest(verb: verb, apiGroup: group, resource: resource, subresource: sub, name: "", namespace: ns)
    }

    @Test(arguments: [
        // bob ∈ team-a ∈ prod-devs; prod-devs holds RBAC Writer at <cluster>/namespaces/prod.
        (bob, r("get", "secrets", ns: "prod"), true),
        (bob, r("create", "pods", ns: "prod"), true),
        (bob, r("get", "secrets", ns: "default"), false),
        (bob, r("get", "secrets"), false),
        (bob, r("create", "rolebindings", group: "rbac.authorization.k8s.io", ns: "prod"), false),
        (frank, r("get", "secrets", ns: "prod"), true),
        // carol: RBAC Reader at the cluster (no secrets), plus the custom role through ops-custom.
        (carol, r("get", "pods", ns: "kube-system"), true),
        (carol, r("get", "secrets", ns: "kube-system"), false),
        (carol, r("create", "pods", ns: "kube-system"), true),
        (carol, r("create", "pods", sub: "exec", ns: "kube-system"), false),
        // erin: RBAC Admin at the cluster; NotDataActions remove namespaces/resourcequotas write/delete.
        (erin, r("get", "secrets", ns: "prod"), true),
        (erin, r("create", "pods", sub: "exec", ns: "prod"), true),
        (erin, r("create", "namespaces"), false),
        (erin, r("delete", "resourcequotas", ns: "prod"), false),
        (erin, r("get", "namespaces"), true),
        // alice: Contributor has no data actions.
        (alice, r("get", "secrets", ns: "prod"), false),
    ])
    func kubernetesAccess(oid: String, request: AccessRequest, allowed: Bool) {
        #expect(!Self.authorizer().kubernetesGrants(oid, request).isEmpty == allowed)
    }

    @Test func grantNamesTheAssignmentAndGroup() throws {
        let grants = Self.authorizer().kubernetesGrants(Self.bob, Self.r("get", "secrets", ns: "prod"))
        let g = try #require(grants.first)
        #expect(g.assignment?.name == "a0000000-0000-0000-0000-000000000002")
        #expect(g.viaGroup == "aaaaaaaa-0000-0000-0000-000000000001")
        #expect(g.description.contains("Azure Kubernetes Service RBAC Writer"))
    }

    @Test func evaluatedOnlyWithAzureRBAC() {
        let off = Self.authorizer { env in
            env.cluster?.settings["aadprofile.enableazurerbac"]?.value = .bool(false)
        }
        #expect(off.kubernetesGrants(Self.erin, Self.r("get", "secrets", ns: "prod")).isEmpty)
        #expect(off.whoCan(Self.r("get", "secrets", ns: "prod")).isEmpty)
    }

    @Test func whoCanListsMembersOfAssignedGroups() {
        let holders = Self.authorizer().whoCan(Self.r("get", "secrets", ns: "prod")).map(\.principal.description)
        #expect(holders == [
            "AzureGroup:aaaaaaaa-0000-0000-0000-000000000001", "AzureGroup:bbbbbbbb-0000-0000-0000-000000000001",
            "AzureUser:22222222-0000-0000-0000-000000000001", "AzureUser:44444444-0000-0000-0000-000000000001",
            "AzureUser:66666666-0000-0000-0000-000000000001",
        ])
    }

    @Test(arguments: [
        ("/", true), ("/subscriptions/00000000-0000-0000-0000-00000000aaaa", true),
        ("/SUBSCRIPTIONS/00000000-0000-0000-0000-00000000AAAA/resourceGroups/rg-prod/", true),
        ("/subscriptions/00000000-0000-0000-0000-00000000aaaa/resourceGroups/rg-prod2", false),
        ("/providers/Microsoft.Management/managementGroups/root", true),
    ])
    func scopes(scope: String, covers: Bool) {
        let cluster = "/subscriptions/00000000-0000-0000-0000-00000000aaaa/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod"
        #expect(AzureAuthorizer.covers(scope: scope, resource: cluster) == covers)
    }

    @Test func kubernetesIdentityOfEntraUser() {
        let a = Self.authorizer()
        let id = a.kubernetesIdentity(Self.bob)
        #expect(id.user == "bob@contoso.com")
        #expect(id.groups == ["aaaaaaaa-0000-0000-0000-000000000001", "bbbbbbbb-0000-0000-0000-000000000001", "system:authenticated"])
        #expect(a.objectID(forKubernetesUser: "BOB@contoso.com") == Self.bob)
    }

    @Test func unknownRoleDefinitionIsReported() {
        let a = Self.authorizer { env in env.roleDefinitions = [] }
        #expect(a.diagnostics.map(\.id) == [AzureDiagnosticID.unknownRole])
        #expect(a.kubernetesGrants(Self.carol, Self.r("create", "pods", ns: "x")).isEmpty)
    }
}
