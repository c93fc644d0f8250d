"""The grants workflow, one module per stage: applying, review, decisions, reporting.

Each public function is one business rule: it checks the permission, runs in a transaction,
moves the application through `grants.workflow.transition()` and sends the notification.
"""
