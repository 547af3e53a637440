// libFuzzer entry points of the `domain` oracle; the driver is FuzzDriver (FuzzOracles).
// Without FUZZING this file is empty: scripts/fuzz builds with -parse-as-library, where even an
// inactive #else branch may not hold top-level code.
#if FUZZING
    import FuzzOracles

    @_cdecl("LLVMFuzzerTestOneInput")
    public func testOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
        FuzzDriver.testOneInput(.domain, data, count)
    }

    @_cdecl("FuzzDomain_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        FuzzDriver.main(.domain, argc, argv, testOneInput)
    }
#endif
