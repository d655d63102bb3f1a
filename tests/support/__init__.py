"""What tests share: record builders, Qt and HQ helpers, the crash writer, the sync harness."""
