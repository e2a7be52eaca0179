"""The local web app (`pactwatch serve`)."""
