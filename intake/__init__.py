"""The intake service: an anonymous submission form whose only output is a review pull request.

Data flows one way: form -> review page (auto-redacted, findings highlighted) -> confirm -> spool (durable)
-> worker -> forge (a branch and a pull request per submission). The generator core never imports this package.
"""
