import Testing
@testable import ReachCore

/// The allocation-free dotted-quad parser against the split-based one it replaced.
@Suite struct IPv4ParseTests {
    @Test(arguments: ["0.0.0.0", "10.64.1.255", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3",
                      ".1.2.3", "1.2.3.", "01.002.3.4", "0001.2.3.4", "1.2.3.a", "", "1.2.3.4 ", "١.2.3.4", "999.1.1.1"])
    func fastParserAgrees(text: String) {
        #expect(IPAddress.parseV4(Substring(text)) == IPAddress.parseV4Reference(Substring(text)))
    }
}
