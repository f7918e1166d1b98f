import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `render attack --from internet|Pod:|Node:` (or `--to node`) draws the foothold path exactly as
/// `paths -o dot|svg` does (issue 17: network steps with port and deciding policy, pod, node and
/// identity steps distinct, a legend); identity starts with request goals keep the RBAC drawing.
@Suite struct RenderAttackFootholdTests {
    @Test func rendersTheSameDocumentAsPaths() {
        let (dot, code) = FootholdCLITests.run(["render", "attack", "-f", FootholdCLITests.input, "--from", "internet",
                                                "--to", FootholdCLITests.goal, "-o", "dot"])
        #expect(code == 0)
        #expect(Golden.check(dot, against: "\(FootholdCLITests.expected)/paths-internet.dot") == nil)
    }

    @Test func nodeGoalsFromPods() {
        let (dot, code) = FootholdCLITests.run(["render", "attack", "-f", TestPaths.fixture("attacks/F2/positive.yaml"),
                                                "--from", "Pod:prod/app", "--to", "node", "-o", "dot"])
        #expect(code == 0)
        #expect(dot.contains("F2 container escape"))
        #expect(dot.contains("foothold-legend"))
    }

    @Test func unknownFootholdStartIsAUsageError() {
        let (_, code) = FootholdCLITests.run(["render", "attack", "-f", FootholdCLITests.input, "--from", "Pod:web/nope",
                                              "--to", FootholdCLITests.goal, "-o", "dot"])
        #expect(code == 2)
    }
}
