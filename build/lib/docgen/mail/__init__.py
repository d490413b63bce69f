"""Mail intake and replies: read saved messages, mailbox exports and IMAP; draft and send."""
