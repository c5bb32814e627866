"""The calendar and collaboration rules, written once for the generators and the checks.

``calendar``: which events the business keeps and when; ``team``: who leads whom and what each job
keeps on its own screens; ``recurrence``: the series TERP expands into instances; ``tasks``: a
to-do task's life; ``quota``: states dealt so that every counted state is present.
"""
