import Testing
@testable import NetworkEngine

@Suite struct ProbePortTests {
    @Test(arguments: ["TCP/80", "udp/53", "SCTP/65535"])
    func parsesValidProbes(text: String) {
        #expect(ProbePort(text) != nil)
    }

    @Test(arguments: ["TCP", "TCP/0", "TCP/65536", "ICMP/1", "TCP/x"])
    func rejectsInvalidProbes(text: String) {
        #expect(ProbePort(text) == nil)
    }
}
