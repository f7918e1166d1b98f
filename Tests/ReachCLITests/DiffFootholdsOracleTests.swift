import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `diff --footholds` against its definition, start by start: for the secrets goals, the gained
/// starts are exactly `who-can --transitive --footholds` of the after side minus the before side's
/// (lost: the reverse), each with the after (before) side's minimal path — on every fixture pair,
/// both directions.
@Suite struct DiffFootholdsOracleTests {
    /// (goal title in the diff, who-can arguments).
    static let goals: [(String, [String])] = [
        ("read secrets in every namespace", ["get", "secrets"]),
        ("read secrets in kube-system", ["get", "secrets", "-n", "kube-system"]),
    ]

    static func json(_ args: [String]) throws -> [String: Any] {
        let (out, _) = DiffCommandTests.run(args)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    /// Subject → hops of `who-can … --transitive --footholds` on `dir`.
    static func holders(_ dir: String, _ goal: [String]) throws -> [String: [String]] {
        let object = try json(["who-can"] + goal + ["--transitive", "--footholds", "-f", dir, "-o", "json"])
        let subjects = try #require(object["subjects"] as? [[String: Any]])
        return Dictionary(subjects.compactMap { s in (s["subject"] as? String).map { ($0, s["hops"] as? [String] ?? []) } }) { a, _ in a }
    }

    static func changes(_ list: Any?, title: String) -> [String: [String]] {
        let rows = (list as? [[String: Any]] ?? []).filter { $0["goalTitle"] as? String == title }
        return Dictionary(rows.compactMap { r in (r["subject"] as? String).map { ($0, r["hops"] as? [String] ?? []) } }) { a, _ in a }
    }

    @Test(arguments: DiffCommandTests.cases + ["new-internet-path"], [false, true])
    func gainedAndLostAreTheHolderDifference(name: String, reversed: Bool) throws {
        let a = TestPaths.fixture("diff/\(name)/\(reversed ? "after" : "before")"), b = TestPaths.fixture("diff/\(name)/\(reversed ? "before" : "after")")
        let diff = try Self.json(["diff", "--before", a, "--after", b, "--footholds", "-o", "json"])
        let paths = try #require(diff["paths"] as? [String: Any])
        for (title, goal) in Self.goals {
            let before = try Self.holders(a, goal), after = try Self.holders(b, goal)
            let gained = Self.changes(paths["gained"], title: title), lost = Self.changes(paths["lost"], title: title)
            #expect(Set(gained.keys) == Set(after.keys).subtracting(before.keys), "\(name) \(title): gained")
            #expect(Set(lost.keys) == Set(before.keys).subtracting(after.keys), "\(name) \(title): lost")
            for (start, hops) in gained { #expect(hops == after[start], "\(name) \(title): path of \(start)") }
            if name == "new-internet-path", title == "read secrets in kube-system" {
                #expect((reversed ? lost : gained)["Internet"] == ["Pod:web/frontend", "ServiceAccount:web/frontend"], "the oracle compares something")
            }
            for (start, hops) in lost { #expect(hops == before[start], "\(name) \(title): path of \(start)") }
        }
    }
}
