"""Forms of the grants app, one module per part (programmes, applying, …), like views/ and services/."""
