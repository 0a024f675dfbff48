-- Interview feedback names the interview it is about (the interviews' feedback request links to
-- the application's notes with the interview's id). A composite key: the interview must be one of
-- the same application, so feedback cannot point at another candidate's interview.
alter table ats.interviews add constraint interviews_id_application_key unique (id, application_id);

alter table ats.application_notes
  add constraint application_notes_interview_fk foreign key (interview_id, application_id)
  references ats.interviews (id, application_id);
