import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// The HTML report as a real browser shows it: `scripts/screenshot-report.sh` (headless
/// Chromium, network disabled) must produce a full-size PNG. Skipped, visibly, without chromium.
@Suite struct ReportScreenshotTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium): report screenshot not checked"))
    func reportRendersInChromium() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("report.html"), png = dir.appendingPathComponent("report.png")
        #expect(CLITests.run(["report", "-f", TestPaths.fixture("example"), "--html", html.path]).1 == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestPaths.packageRoot.appendingPathComponent("scripts/screenshot-report.sh").path, html.path, png.path, "1200", "1600"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = data.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) }
        let height = data.dropFirst(20).prefix(4).reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 1600, "\(width)x\(height)")
        #expect(data.count > 50_000, "a blank page compresses to a few KB; got \(data.count) bytes")
    }
}
