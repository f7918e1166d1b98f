import Foundation
import ReachKit
import ReachModel
import ReachTestSupport
import Testing
@testable import ReachReports

/// Golden DOT for each writer, from fixtures; SVG checked structurally in GraphSVGTests.
@Suite struct GraphWriterTests {
    static func analyzer(_ paths: [String]) -> Analyzer {
        Analyzer.load(paths: paths.map(TestPaths.fixture))
    }

    @Test(arguments: [
        ("netpol/ipblocks/input", "render/expected/reach-ipblocks.dot"),
        ("netpol/docs-example/input", "render/expected/reach-docs-example.dot"),
        ("example", "render/expected/reach-example.dot"),
    ])
    func reachabilityGolden(input: String, golden: String) {
        let a = Self.analyzer([input])
        let dot = ReachabilityDot.graph(a.reachabilityOverview(a.networkReach())).render()
        #expect(Golden.check(dot, against: golden) == nil, "\(Golden.check(dot, against: golden) ?? "")")
    }

    @Test func reachabilityAggregatesBeyondTheBudget() {
        let a = Self.analyzer(["example"])
        let overview = a.reachabilityOverview(a.networkReach(), nodeBudget: 1, externalBudget: 1)
        #expect(overview.isAggregated)
        #expect(overview.groups.contains { $0.kind == .aggregate })
        let dot = ReachabilityDot.graph(overview).render()
        #expect(dot.contains("aggregated"))
        #expect(Golden.check(dot, against: "render/expected/reach-example-budget1.dot") == nil)
    }

    @Test(arguments: [
        ("rbac/aggregation/input", RBACGraphFilter(), "render/expected/rbac-aggregation.dot"),
        ("example", RBACGraphFilter(), "render/expected/rbac-example.dot"),
        ("rbac/basics/input", RBACGraphFilter(resource: "secrets"), "render/expected/rbac-basics-secrets.dot"),
    ])
    func rbacGolden(input: String, filter: RBACGraphFilter, golden: String) {
        let dot = RBACDot.graph(Self.analyzer([input]).snapshot, filter: filter).render()
        #expect(Golden.check(dot, against: golden) == nil, "\(Golden.check(dot, against: golden) ?? "")")
    }

    @Test func rbacSubjectFilterKeepsOnlyThatSubject() {
        let snapshot = Self.analyzer(["example"]).snapshot
        guard let b = snapshot.roleBindings.first, let s = b.subjects.first else { Issue.record("fixture has no RoleBinding"); return }
        let name = SubjectName.of(s, bindingNamespace: b.namespace)
        let g = RBACDot.graph(snapshot, filter: RBACGraphFilter(subject: name))
        #expect(g.nodes.contains { $0.id == name })
        let subjects = g.nodes.filter { $0.attributes["shape"] == "ellipse" }.map(\.id)
        #expect(subjects == [name])
    }

    @Test func rbacBudgetAggregatesBindings() {
        let g = RBACDot.graph(Self.analyzer(["rbac/basics/input"]).snapshot, nodeBudget: 4)
        #expect(g.nodes.contains { $0.id == "more" })
        #expect(g.render().contains("node budget 4"))
    }

    static let diagram = AttackPathDiagram(paths: [
        [
            .init(from: "ServiceAccount:dev/ci", to: "Pod:dev/builder", techniqueID: "KR-ATK-001", techniqueName: "pod exec",
                  permission: "create pods/exec in dev", binding: "RoleBinding dev/ci-exec"),
            .init(from: "Pod:dev/builder", to: "ServiceAccount:dev/deployer", techniqueID: "KR-ATK-002", techniqueName: "token theft",
                  permission: "mounted token", binding: nil),
            .init(from: "ServiceAccount:dev/deployer", to: "cluster-admin", techniqueID: "KR-ATK-003", techniqueName: "bind",
                  permission: "bind clusterroles", binding: "ClusterRoleBinding deployer-bind"),
        ],
        [
            .init(from: "User:alice", to: "ServiceAccount:dev/deployer", techniqueID: "KR-ATK-004", techniqueName: "impersonate",
                  permission: "impersonate serviceaccounts", binding: "ClusterRoleBinding \"alice\\ops\""),
            .init(from: "ServiceAccount:dev/deployer", to: "cluster-admin", techniqueID: "KR-ATK-003", techniqueName: "bind",
                  permission: "bind clusterroles", binding: "ClusterRoleBinding deployer-bind-2"),
        ],
    ], goal: "cluster-admin", title: "Paths to cluster-admin")

    @Test func attackPathsMergeAndHighlightTheGoal() {
        let g = AttackPathDot.graph(Self.diagram)
        let dot = g.render()
        #expect(Golden.check(dot, against: "render/expected/attack-paths.dot") == nil, "\(Golden.check(dot, against: "render/expected/attack-paths.dot") ?? "")")
        // The shared last step is one edge carrying both bindings.
        #expect(g.edges.count { $0.to == "cluster-admin" } == 1)
        #expect(g.edges.first { $0.to == "cluster-admin" }?.attributes["tooltip"]?.contains("deployer-bind-2") == true)
        #expect(g.nodes.first { $0.id == "cluster-admin" }?.attributes["shape"] == "doubleoctagon")
    }

    @Test func everyGraphHasALegend() {
        let a = Self.analyzer(["example"])
        for g in [ReachabilityDot.graph(a.reachabilityOverview(a.networkReach())), RBACDot.graph(a.snapshot),
                  AttackPathDot.graph(Self.diagram), AttackPathDot.graph(AttackPathDiagram(paths: [], goal: "secrets"))] {
            #expect(g.nodes.contains { $0.id == "legend" })
        }
    }
}
