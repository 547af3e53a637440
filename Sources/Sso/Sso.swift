@_exported import SsoCore
