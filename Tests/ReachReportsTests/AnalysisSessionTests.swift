import Audit
import ReachKit
import ReachReports
import ReachTestSupport
import Testing

/// The report page takes every engine result from one analysis session: each engine is built
/// exactly once (issue 15: `report` used to build the RBAC index and the attack graph twice —
/// once for the attack-path section, once inside the audit's least-privilege checks).
@Suite struct AnalysisSessionTests {
    @Test func reportBuildsEachEngineOnce() throws {
        let session = AnalysisSession.load(paths: [
            TestPaths.fixture("example"), TestPaths.fixture("attacks/scenarios/multihop.yaml"),
        ])
        let page = ClusterReport.page(session, cluster: nil).render()
        #expect(page.contains("Attack paths"))
        #expect(session.builds == AnalysisSession.BuildCounts(rbacIndex: 1, attackGraph: 1, networkReach: 1, audit: 1))
        // Asking again reuses everything.
        _ = session.audit(cluster: nil, options: AuditOptions(leastPrivilege: true))
        _ = session.networkFindings()
        _ = session.escalationPaths()
        #expect(session.builds == AnalysisSession.BuildCounts(rbacIndex: 1, attackGraph: 1, networkReach: 1, audit: 1))
    }

    @Test func mastersConventionIsPartOfTheKey() {
        let session = AnalysisSession.load(paths: [TestPaths.fixture("example")])
        _ = session.rbac()
        _ = session.rbac(mastersBypass: false)
        _ = session.rbac()
        #expect(session.builds.rbacIndex == 2)
    }
}
