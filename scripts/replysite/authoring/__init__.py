"""What staff write and the tools write for them: reply files (`reply_file`), the template of a new
reply (`new_file`) and the JSON Schema editors use (`editor_schema`)."""
